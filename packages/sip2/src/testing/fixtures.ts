import type { FakeIlsOptions } from './fake-ils.ts';

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
