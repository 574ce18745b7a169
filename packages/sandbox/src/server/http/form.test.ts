import { describe, expect, it } from 'vitest';
import { decodeForm } from './form';

describe('decodeForm', () => {
  it('decodes nested bracket notation the way the stripe SDK encodes it', () => {
    expect(
      decodeForm('amount=1000&metadata[order]=o_1&controller[fees][payer]=application'),
    ).toEqual({
      amount: '1000',
      metadata: { order: 'o_1' },
      controller: { fees: { payer: 'application' } },
    });
  });

  it('turns indexed and empty-bracket keys into arrays in order', () => {
    expect(decodeForm('expand[1]=b&expand[0]=a')).toEqual({ expand: ['a', 'b'] });
    expect(decodeForm('expand[]=a&expand[]=b')).toEqual({ expand: ['a', 'b'] });
    expect(decodeForm('items[0][price]=p&items[1][price]=q')).toEqual({
      items: [{ price: 'p' }, { price: 'q' }],
    });
  });

  it('decodes percent-encoded brackets and plus signs', () => {
    expect(decodeForm('description=hello+world&metadata%5Bnote%5D=a%26b')).toEqual({
      description: 'hello world',
      metadata: { note: 'a&b' },
    });
  });
});
