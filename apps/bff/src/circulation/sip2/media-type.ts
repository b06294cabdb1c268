import type { MaterialType } from '@library/domain';

/**
 * SIP2 2.00's media types (CK) as our material types, which set the loan period a library
 * shows (R1): 001 book, 002 magazine, 003 bound journal, 004 audio tape, 005 video tape,
 * 006 CD/CDROM, 007 diskette, 008–010 a book with a diskette, CD or audio tape. 000 (other),
 * an absent or unknown code reads as a book, the common case.
 */
export function materialTypeOfSip2(mediaType: string | undefined): MaterialType {
  switch (mediaType) {
    case '002':
    case '003':
      return 'magazine';
    case '004':
    case '005':
    case '006':
    case '007':
      return 'av';
    default:
      return 'book';
  }
}
