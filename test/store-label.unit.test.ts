import { Writable } from 'node:stream';
import { createLogger, storeLabel } from '@shopsync/runner';

describe('a PostgreSQL store URL never shows its password', () => {
  test('operator messages name the file, or the URL with the password masked', () => {
    expect(storeLabel({ path: '/var/lib/shopsync/state.sqlite' })).toBe('/var/lib/shopsync/state.sqlite');
    expect(storeLabel({ path: 'x', url: 'postgres://shopsync:s3cret@db.internal:5432/shopsync' })).toBe('postgres://shopsync:***@db.internal:5432/shopsync');
    expect(storeLabel({ path: 'x', url: 'postgres://shopsync@db.internal/shopsync' })).toBe('postgres://shopsync@db.internal/shopsync');
  });

  test('the config serve logs at start has store.url redacted', () => {
    let written = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    createLogger({ level: 'info', destination }).info({ config: { store: { path: 'x', url: 'postgres://u:s3cret@h/db' } } }, 'config.loaded');
    expect(written).toContain('config.loaded');
    expect(written).not.toContain('s3cret');
  });
});
