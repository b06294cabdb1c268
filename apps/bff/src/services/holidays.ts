import holidayJp from '@holiday-jp/holiday_jp';
import type { HolidayLookup } from '@library/domain';

const table = holidayJp.holidays as Record<string, { name: string } | undefined>;

/** Japanese national holidays from @holiday-jp/holiday_jp (maintained, incl. moved holidays). */
export const japaneseHolidayOf: HolidayLookup = (date) => table[date]?.name;
