export { en, fr, catalogues } from './messages';
export type { MessageKey, Messages } from './messages';
export { createTranslator, resolveMessages } from './format';
export type { Translator } from './format';
export { describeError } from './error-message';
