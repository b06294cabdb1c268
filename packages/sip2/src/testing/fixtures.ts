import type { Sip2Config } from '../types.ts';
import { type FakeIlsOptions, TEST_SIP2_LOGIN } from './fake-ils.ts';

/**
 * A client of a test server on 127.0.0.1:`port` (FakeIls or the SIP2 peer): its login, plain
 * TCP, UTF-8 with checksums, one connection and a 1 s timeout unless `overrides` say otherwise.
 */
export function testSip2Config(port: number, overrides: Partial<Sip2Config> = {}): Sip2Config {
  return {
    host: '127.0.0.1',
    port,
    ...TEST_SIP2_LOGIN,
    tls: false,
    encoding: 'utf-8',
    errorDetection: true,
    timeoutMs: 1000,
    poolSize: 1,
    ...overrides,
  };
}

/** A small library for tests: Japanese titles, a held item, a patron whose renewals are denied. */
export function demoLibrary(): Pick<FakeIlsOptions, 'patrons' | 'items'> {
  return {
    patrons: [
      {
        id: '100000001',
        pin: '4321',
        name: '柳川 太郎',
        email: 'taro@example.jp',
        phone: '0944-00-0001',
        birthDate: '19750408',
      },
      {
        id: '100000002',
        pin: '8765',
        name: '柳川 花子',
        status: { renewalPrivilegesDenied: true },
        screenMessage: '延滞中の資料があります',
      },
      { id: '100000003', pin: '1111', name: '三池 次郎' },
    ],
    items: [
      { id: '2100000001', title: '吾輩は猫である', patronId: '100000001', dueDate: '20261215' },
      {
        id: '2100000002',
        title: '銀河鉄道の夜',
        patronId: '100000001',
        dueDate: '20261220',
        holds: ['100000003'],
      },
      { id: '2100000003', title: 'ポプラの秋', mediaType: '001', patronId: '100000002', dueDate: '20261218' },
      { id: '2100000004', title: '週刊 柳川', mediaType: '002', patronId: '100000001', dueDate: '20261212' },
    ],
  };
}

/** The data-file format of the SIP2 peer (`../shared/sip2-peer`, ILS/SampleData.pm). */
export interface PeerData {
  patrons?: Record<
    string,
    {
      name: string;
      password?: string;
      renew_ok?: 0 | 1;
      email?: string;
      phone?: string;
      address?: string;
      birthdate?: string;
      screen_msg?: string;
    }
  >;
  items?: Record<string, { title: string; media?: string; patron?: string; due?: string; holds?: string[] }>;
}

/** The same patrons and items for FakeIls as a peer data file gives the real server. */
export function fromPeerData(data: PeerData): Pick<FakeIlsOptions, 'patrons' | 'items'> {
  return {
    patrons: Object.entries(data.patrons ?? {}).map(([id, p]) => ({
      id,
      name: p.name,
      ...(p.password ? { pin: p.password } : {}),
      ...(p.email ? { email: p.email } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.address ? { address: p.address } : {}),
      ...(p.birthdate ? { birthDate: p.birthdate } : {}),
      ...(p.screen_msg ? { screenMessage: p.screen_msg } : {}),
      status: { renewalPrivilegesDenied: p.renew_ok === 0, recallPrivilegesDenied: true },
    })),
    items: Object.entries(data.items ?? {}).map(([id, i]) => ({
      id,
      title: i.title,
      mediaType: i.media ?? '001',
      ...(i.patron ? { patronId: i.patron } : {}),
      ...(i.due ? { dueDate: i.due } : {}),
      ...(i.holds?.length ? { holds: i.holds } : {}),
    })),
  };
}
