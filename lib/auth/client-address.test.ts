import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, clientKeyOf, throttleAddress } from './client-address';

describe('client address', () => {
  it('never believes the left-most X-Forwarded-For entry: the client wrote it', () => {
    // Behind one proxy of ours, a client forging "1.1.1.1" still lands on the address our proxy saw.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Not behind a proxy: X-Forwarded-For is the client's own text and is ignored altogether.
    expect(clientAddress('::ffff:203.0.113.9', '1.1.1.1', 0)).toBe('203.0.113.9');
  });

  it('reads only the header the server sets', () => {
    expect(clientKeyOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.1.1.1' }))).toBe('203.0.113.9');
    expect(clientKeyOf({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBe('203.0.113.9');
    expect(clientKeyOf(new Headers({ 'x-forwarded-for': '1.1.1.1' }))).toBe('unknown');
    expect(clientKeyOf(undefined)).toBe('unknown');
  });

  it('keeps the budget per IPv4 address and per IPv6 /64', () => {
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('2001:db8:a:b:1:2:3:4')).toBe('2001:db8:a:b::/64');
    expect(throttleAddress('2001:0db8:000a:000b::ffff')).toBe('2001:db8:a:b::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('[2001:db8:a:b::1]')).toBe('2001:db8:a:b::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(throttleAddress('unknown')).toBe('unknown');
  });
});
