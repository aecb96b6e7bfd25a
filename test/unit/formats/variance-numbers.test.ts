// Numbers for people in the variance reports (src/formats/variance/shared.ts): fixed() pads a
// computed value (already rounded) to the policy's places, and rounds an input value with more
// decimals half-up from its decimal text, never from binary.
import { expect } from 'chai';
import { fixed } from '../../../src/formats/variance/shared.js';

describe('formats/variance: fixed()', () => {
  it('pads rounded values and rounds longer ones half-up from their text', () => {
    expect(fixed(12.5, 2)).to.equal('12.50');
    expect(fixed(-0.5, 2)).to.equal('-0.50');
    expect(fixed(0.05, 2)).to.equal('0.05');
    expect(fixed(-0.05, 2)).to.equal('-0.05');
    expect(fixed(-0, 2)).to.equal('0.00');
    expect(fixed(7, 0)).to.equal('7');
    expect(fixed(-7, 0)).to.equal('-7');
    expect(fixed(100, 4)).to.equal('100.0000');
    expect(fixed(1.005, 2)).to.equal('1.01'); // from its text "1.005", half-up, not from binary
    expect(fixed(-0.001, 2)).to.equal('0.00'); // no "-0.00"
    expect(fixed(1e21, 2)).to.equal('1000000000000000000000.00');
    expect(fixed(1e-7, 2)).to.equal('0.00');
    expect(fixed(null, 2)).to.equal('—');
    expect(fixed(3, 2, '3.005')).to.equal('3.01');
  });
});
