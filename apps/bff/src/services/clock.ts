import { type PlainDate, plainDateInTokyo } from '@library/domain';

/** The only source of time for the BFF, so tests can pin the business date and move "now". */
export interface Clock {
  now(): Date;
  /** Today in Asia/Tokyo, or LIBRARY_TODAY when set. */
  today(): PlainDate;
}

export function systemClock(libraryToday?: PlainDate): Clock {
  return {
    now: () => new Date(),
    today: () => libraryToday ?? plainDateInTokyo(new Date()),
  };
}
