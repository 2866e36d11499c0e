import type { ValidationError } from 'class-validator';
import { fieldErrors } from './validation.js';

describe('fieldErrors', () => {
  it('names nested fields by their path and unknown fields plainly', () => {
    const errors: ValidationError[] = [
      { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
      {
        property: 'extra',
        constraints: { whitelistValidation: 'property extra should not exist' },
        children: [],
      },
      {
        property: 'values',
        children: [
          {
            property: '1',
            children: [
              { property: 'value', constraints: { isIn: 'value must be one of ...' }, children: [] },
            ],
          },
        ],
      },
    ];
    expect(fieldErrors(errors)).toEqual([
      { field: 'title', message: 'title must be a string' },
      { field: 'extra', message: 'is not a known field' },
      { field: 'values[1].value', message: 'value must be one of ...' },
    ]);
  });
});
