/**
 * Human labels for Stripe requirement keys (https://docs.stripe.com/connect/required-verification-information),
 * one label per thing a person fills in: the three `dob.*` keys are one "Date of birth", `tos_acceptance.*` is one
 * acceptance. Keys are matched without their `individual.` / `representative.` prefix.
 */
type Label = { en: string; fr: string };

const labels: Record<string, Label> = {
  business_type: { en: 'Business type', fr: "Type d'entreprise" },
  first_name: { en: 'First name', fr: 'Prénom' },
  last_name: { en: 'Last name', fr: 'Nom' },
  dob: { en: 'Date of birth', fr: 'Date de naissance' },
  address: { en: 'Home address', fr: 'Adresse personnelle' },
  email: { en: 'Email', fr: 'E-mail' },
  phone: { en: 'Phone number', fr: 'Numéro de téléphone' },
  ssn_last_4: { en: 'Last 4 digits of SSN', fr: 'Quatre derniers chiffres du SSN' },
  id_number: { en: 'ID number (SSN)', fr: "Numéro d'identification (SSN)" },
  'verification.document': { en: 'Identity document', fr: "Pièce d'identité" },
  'verification.additional_document': {
    en: 'Additional identity document',
    fr: "Pièce d'identité complémentaire",
  },
  external_account: { en: 'Bank account', fr: 'Compte bancaire' },
  tos_acceptance: { en: 'Terms of service acceptance', fr: 'Acceptation des conditions' },
  'business_profile.url': { en: 'Business website', fr: "Site web de l'entreprise" },
  'business_profile.mcc': { en: 'Industry', fr: "Secteur d'activité" },
  'business_profile.product_description': {
    en: 'Product description',
    fr: 'Description des produits',
  },
  'company.name': { en: 'Business name', fr: "Nom de l'entreprise" },
  'company.tax_id': { en: 'Business tax ID', fr: "Numéro fiscal de l'entreprise" },
  'company.address': { en: 'Business address', fr: "Adresse de l'entreprise" },
};

const personPrefix = /^(individual|representative)\./;

/** The label key a requirement belongs to: the most specific entry of `labels` that is a prefix of it. */
function groupOf(requirement: string): string {
  const key = requirement.replace(personPrefix, '');
  const parts = key.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (candidate in labels) return candidate;
  }
  return key;
}

/** A readable phrase for a key with no label: "company.owners_provided" → "Company owners provided", never dotted. */
function phrase(key: string): string {
  const text = key.replace(/[._]/g, ' ').replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeRequirement(requirement: string, locale?: string): string {
  const group = groupOf(requirement);
  const label = labels[group];
  if (!label) return phrase(group);
  return locale?.toLowerCase().startsWith('fr') ? label.fr : label.en;
}

/** One label per thing to fill in, in the order Stripe listed them. */
export function describeRequirements(requirements: string[], locale?: string): string[] {
  return [...new Set(requirements.map((requirement) => describeRequirement(requirement, locale)))];
}
