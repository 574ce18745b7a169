import { describe, expect, it } from 'vitest';
import { describeRequirement, describeRequirements } from './requirement-labels';

describe('requirement labels', () => {
  it('groups the keys a person fills in as one field into one label', () => {
    expect(
      describeRequirements([
        'individual.dob.day',
        'individual.dob.month',
        'individual.dob.year',
        'tos_acceptance.date',
        'tos_acceptance.ip',
        'individual.address.line1',
        'individual.address.city',
      ]),
    ).toEqual(['Date of birth', 'Terms of service acceptance', 'Home address']);
  });

  it('names the usual keys for a person, in French when the locale is French', () => {
    expect(describeRequirement('individual.ssn_last_4')).toBe('Last 4 digits of SSN');
    expect(describeRequirement('business_profile.url')).toBe('Business website');
    expect(describeRequirement('representative.verification.document')).toBe('Identity document');
    expect(describeRequirement('individual.dob.day', 'fr-FR')).toBe('Date de naissance');
    expect(describeRequirement('external_account', 'fr')).toBe('Compte bancaire');
  });

  it('turns an unknown key into a readable phrase, never a dotted key', () => {
    expect(describeRequirement('company.owners_provided')).toBe('Company owners provided');
    expect(describeRequirement('individual.political_exposure')).toBe('Political exposure');
  });
});
