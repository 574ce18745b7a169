export {
  lightTheme,
  darkTheme,
  resolveAppearance,
  appearanceToCssVariables,
  toElementsAppearance,
  toConnectAppearance,
} from './appearance';
export type { Appearance, AppearanceVariables } from './appearance';
