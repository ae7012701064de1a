import { shopClock } from '@shopsync/core';

// The Admin API's UTC instants, put in the shop's wall-clock time as REST prints them (the GraphQL
// adapter's timestamps): the date part is the calendar date the planner books documents on.

describe('shop-local time, as REST prints it', () => {
  test.each([
    ['2026-11-27T15:15:00Z', 'America/New_York', '2026-11-27T10:15:00-05:00'],
    ['2026-07-01T03:30:00Z', 'America/New_York', '2026-06-30T23:30:00-04:00'],
    ['2026-11-27T20:00:00Z', 'Asia/Kolkata', '2026-11-28T01:30:00+05:30'],
    ['2026-11-27T20:00:00.750Z', 'UTC', '2026-11-27T20:00:00+00:00'],
  ])('%s in %s is %s', (instant, zone, local) => {
    expect(shopClock(zone)?.(instant)).toBe(local);
  });

  test('a zone the runtime does not know, or a text that is no instant, reads as nothing (the parser names it)', () => {
    expect(shopClock('Mars/Olympus_Mons')).toBeNull();
    expect(shopClock('UTC')?.('yesterday')).toBeNull();
  });
});
