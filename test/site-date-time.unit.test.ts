import { isKnownTimeZone, siteDateTimeOf } from '@shopsync/core';

describe('a stock voucher is posted at the Shopify event’s instant on the ERPNext site’s clock', () => {
  test('an evening fulfillment in New York is the next morning on a UTC site', () => {
    expect(siteDateTimeOf('2026-12-04T19:10:19-05:00', 'UTC')).toEqual({ date: '2026-12-05', time: '00:10:19' });
  });

  test('the same instant on a site in Kolkata, and on one in the shop’s own zone', () => {
    expect(siteDateTimeOf('2026-12-04T19:10:19-05:00', 'Asia/Kolkata')).toEqual({ date: '2026-12-05', time: '05:40:19' });
    expect(siteDateTimeOf('2026-12-04T19:10:19-05:00', 'America/New_York')).toEqual({ date: '2026-12-04', time: '19:10:19' });
  });

  test('midnight is 00, not 24, and summer time is applied', () => {
    expect(siteDateTimeOf('2026-07-01T04:00:00Z', 'America/New_York')).toEqual({ date: '2026-07-01', time: '00:00:00' });
  });

  test('an unreadable timestamp gives null, an unknown zone is refused', () => {
    expect(siteDateTimeOf('yesterday', 'UTC')).toBeNull();
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
