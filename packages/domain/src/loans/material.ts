export const MATERIAL_TYPES = ['book', 'magazine', 'av'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

export const materialTypeLabels: Record<MaterialType, string> = {
  book: '図書',
  magazine: '雑誌',
  av: 'AV資料',
};

/** R1: days of a loan or renewal, counting its first day (本は15日間、雑誌・AV資料は8日間). */
export const LOAN_PERIOD_DAYS: Record<MaterialType, number> = {
  book: 15,
  magazine: 8,
  av: 8,
};
