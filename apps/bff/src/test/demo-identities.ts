/**
 * What two patrons of the demo data (db/seed/demo-data.ts) would type to prove who they are
 * (I6: name, birth date, phone): 100000001 ヤナガワタロウ, registered; 300000003 スズキハナコ, not yet.
 */
export const TARO_IDENTITY = { name: 'ヤナガワタロウ', birthDate: '19750408', phone: ['0944', '73', '0001'] };
export const HANAKO_IDENTITY = { name: 'スズキハナコ', birthDate: '19901105', phone: ['0944', '12', '3456'] };
