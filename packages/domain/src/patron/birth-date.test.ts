import { describe } from 'vitest';
import { itAccepts, itRefuses } from '../testing/schema-cases.ts';
import { birthDateKeys, birthDateSchema } from './birth-date.ts';

const schema = birthDateSchema('2021-01-20');

describe('birth date (I3)', () => {
  itAccepts(schema, [
    ['19901105', '1990-11-05'],
    ['１９９０１１０５', '1990-11-05'],
    ['1990/11/05', '1990-11-05'],
    [' 19750408 ', '1975-04-08'],
    ['19000101', '1900-01-01'],
    ['20210120', '2021-01-20'],
    ['20000229', '2000-02-29'],
  ]);

  itRefuses(
    schema,
    [
      ['', birthDateKeys.required],
      ['1990115', birthDateKeys.format],
      ['19901105a', birthDateKeys.format],
      ['H021105', birthDateKeys.format],
      ['19901305', birthDateKeys.notADate],
      ['19900230', birthDateKeys.notADate],
      ['19000229', birthDateKeys.notADate],
      ['18991231', birthDateKeys.tooEarly],
      ['20210121', birthDateKeys.future],
    ],
    { onlyIssue: true },
  );
});
