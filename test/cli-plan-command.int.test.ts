import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulatedOrder } from './support/order-fixtures';
import { useTempDir } from './support/temp-dir';

const CLI = join(__dirname, '..', 'packages', 'runner', 'bin', 'shopsync.js');

function shopsync(args: string[]): { stdout: string; status: number } {
  try {
    return { stdout: execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { stdout: failed.stdout, status: failed.status };
  }
}

describe('shopsync plan: what would shopsync do with this webhook?', () => {
  const dir = useTempDir();

  test('--json prints the plan of a paid order as one object, writing nothing', () => {
    const payload = join(dir(), 'order.json');
    writeFileSync(payload, JSON.stringify(simulatedOrder()));
    const config = join(dir(), 'shopsync.json');
    writeFileSync(
      config,
      JSON.stringify({
        shops: [{ domain: 'shopsync-demo.myshopify.com', webhookSecrets: ['s'] }],
        erpnext: { url: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' },
        store: { path: join(dir(), 'never-created.sqlite') },
        mapping: {
          company: 'Shopsync Demo', companyCurrency: 'USD', defaultWarehouse: 'Stores - SD', customerGroup: 'Individual', territory: 'All Territories',
          taxAccounts: { 'State Tax': 'Sales Tax - SD' }, shippingAccount: 'Freight and Forwarding Charges - SD',
          paymentGateways: { shopify_payments: { modeOfPayment: 'Credit Card', account: 'Bank Account - SD' } },
        },
      }),
    );
    const { stdout, status } = shopsync(['plan', '--topic', 'orders/paid', '--payload', payload, '--shop', 'shopsync-demo.myshopify.com', '--config', config, '--json']);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout) as { outcome: string; operations: Array<{ kind: string; doctype: string; key: string }>; failure: unknown };
    expect(plan.outcome).toBe('applied');
    expect(plan.failure).toBeNull();
    expect(plan.operations.map((op) => `${op.kind} ${op.doctype}`)).toEqual([
      'ensure_document Customer',
      'ensure_document Sales Order',
      'ensure_mapped_document Sales Invoice',
    ]);
  });

  test('--config needs only the mapping: no ERPNext or webhook secret, and a bad mapping is named by its path', () => {
    const payload = join(dir(), 'order-no-secrets.json');
    writeFileSync(payload, JSON.stringify(simulatedOrder()));
    const mapping = { company: 'Shopsync Demo', companyCurrency: 'USD', defaultWarehouse: 'Stores - SD', customerGroup: 'Individual', territory: 'All Territories', taxAccounts: { 'State Tax': 'Sales Tax - SD' }, shippingAccount: 'Freight and Forwarding Charges - SD' };
    const config = join(dir(), 'mapping-only.json');
    writeFileSync(config, JSON.stringify({ erpnext: { url: 'http://127.0.0.1:9' }, mapping }));
    const ok = shopsync(['plan', '--topic', 'orders/create', '--payload', payload, '--shop', 'shopsync-demo.myshopify.com', '--config', config, '--json']);
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { outcome: string }).outcome).toBe('applied');
    writeFileSync(config, JSON.stringify({ mapping: { ...mapping, companyCurrency: 'DOLLARS' } }));
    const bad = (() => {
      try {
        execFileSync(process.execPath, [CLI, 'plan', '--topic', 'orders/create', '--payload', payload, '--config', config], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return '';
      } catch (error) {
        return (error as { stderr: string }).stderr;
      }
    })();
    expect(bad).toContain('mapping.companyCurrency');
    expect(bad).not.toMatch(/apiSecret|webhookSecrets/);
  });

  test('without a mapping the plan says which mapping is missing, in the operator’s words', () => {
    const payload = join(dir(), 'order.json');
    writeFileSync(payload, JSON.stringify(simulatedOrder()));
    const { stdout } = shopsync(['plan', '--topic', 'orders/create', '--payload', payload, '--json']);
    const plan = JSON.parse(stdout) as { outcome: string; failure: { code: string; category: string; message: string } };
    expect(plan.outcome).toBe('failed');
    expect(plan.failure).toMatchObject({ code: 'mapping.tax_account_unmapped', category: 'mapping' });
    expect(plan.failure.message).toContain('has tax "State Tax", which is mapped to no ERPNext account');
  });

  test('the text form lists the operations', () => {
    const payload = join(dir(), 'order.json');
    writeFileSync(payload, JSON.stringify({ ...simulatedOrder(), test: true }));
    expect(shopsync(['plan', '--topic', 'orders/create', '--payload', payload]).stdout).toContain('outcome: skipped (order #1001 is a Shopify test order');
  });
});
