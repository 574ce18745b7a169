// `@marketkit/react/locales/fr`: the French catalogue, a separate entry so apps only ship the languages they use.
export { fr } from './i18n/fr';
