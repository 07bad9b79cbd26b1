import { type HouseholdMember, partedPairs } from './households.js';

const mother: HouseholdMember = { id: 'mother', guardianId: null, minor: false };
const baby: HouseholdMember = { id: 'baby', guardianId: 'mother', minor: true };
const child: HouseholdMember = { id: 'child', guardianId: 'mother', minor: true };
const aunt: HouseholdMember = { id: 'aunt', guardianId: null, minor: false };

describe(partedPairs.name, () => {
  it('finds the minors a guardian would leave behind', () => {
    expect(partedPairs([mother], [baby, child, aunt])).toEqual([
      { left: baby, moving: mother },
      { left: child, moving: mother },
    ]);
  });

  it('finds the guardian a minor would leave behind', () => {
    expect(partedPairs([baby], [mother, child])).toEqual([{ left: mother, moving: baby }]);
  });

  it('parts nobody when they move together, or when only others stay', () => {
    expect(partedPairs([mother, baby, child], [aunt])).toEqual([]);
    expect(partedPairs([aunt], [mother, baby])).toEqual([]);
  });

  it('does not count an adult in the guardian column as a minor', () => {
    const adultWithGuardian: HouseholdMember = { id: 'grown', guardianId: 'mother', minor: false };
    expect(partedPairs([adultWithGuardian], [mother])).toEqual([]);
  });
});
