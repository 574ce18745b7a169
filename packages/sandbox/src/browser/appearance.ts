/** The appearance variables both Stripe Elements and Connect embedded components accept and the stand-ins honour. */
export interface SandboxAppearanceVariables {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  colorDanger?: string;
  fontFamily?: string;
  borderRadius?: string;
  spacingUnit?: string;
  [key: string]: unknown;
}

export interface SandboxAppearance {
  variables?: SandboxAppearanceVariables;
  [key: string]: unknown;
}

const variableToProperty: Record<string, string> = {
  colorPrimary: '--mk-sandbox-color-primary',
  colorBackground: '--mk-sandbox-color-background',
  colorText: '--mk-sandbox-color-text',
  colorDanger: '--mk-sandbox-color-danger',
  fontFamily: '--mk-sandbox-font-family',
  borderRadius: '--mk-sandbox-border-radius',
  spacingUnit: '--mk-sandbox-spacing-unit',
};

/** Writes the appearance variables as CSS custom properties on `element`, clearing ones no longer set. */
export function applyAppearance(
  element: HTMLElement,
  appearance: SandboxAppearance | undefined,
): void {
  const variables = appearance?.variables ?? {};
  for (const [name, property] of Object.entries(variableToProperty)) {
    const value = variables[name];
    if (typeof value === 'string' && value.length > 0) element.style.setProperty(property, value);
    else element.style.removeProperty(property);
  }
}

const styleElementId = 'marketkit-sandbox-styles';

// Plain CSS (no shadow DOM) so Testing Library and the a11y addon see the markup; every rule reads the variables.
const styles = `
.mk-sandbox{--mk-s:var(--mk-sandbox-spacing-unit,4px);font-family:var(--mk-sandbox-font-family,system-ui,sans-serif);color:var(--mk-sandbox-color-text,#1a1b25);background:var(--mk-sandbox-color-background,#fff);border-radius:var(--mk-sandbox-border-radius,6px);padding:calc(var(--mk-s)*3);display:block}
.mk-sandbox *{box-sizing:border-box}
.mk-sandbox[data-marketkit-sandbox="payment"],.mk-sandbox[data-marketkit-sandbox="card"]{padding:0;background:transparent}
.mk-sandbox fieldset{border:0;margin:0;padding:0;display:grid;gap:calc(var(--mk-s)*3)}
.mk-sandbox legend,.mk-sandbox .mk-sandbox-badge{font-size:.8em;font-weight:600;padding:var(--mk-s) calc(var(--mk-s)*2);border-radius:var(--mk-sandbox-border-radius,6px);background:#fff4d6;color:#5c3b00;margin-bottom:calc(var(--mk-s)*2);display:inline-block}
.mk-sandbox label{display:grid;gap:var(--mk-s);font-size:.9em}
.mk-sandbox input,.mk-sandbox select{font:inherit;color:inherit;background:var(--mk-sandbox-color-background,#fff);border:1px solid #8a8f98;border-radius:var(--mk-sandbox-border-radius,6px);padding:calc(var(--mk-s)*2)}
.mk-sandbox input[aria-invalid="true"]{border-color:var(--mk-sandbox-color-danger,#b3261e)}
.mk-sandbox button{font:inherit;cursor:pointer;color:#fff;background:var(--mk-sandbox-color-primary,#635bff);border:0;border-radius:var(--mk-sandbox-border-radius,6px);padding:calc(var(--mk-s)*2) calc(var(--mk-s)*4)}
.mk-sandbox button[data-variant="secondary"]{color:var(--mk-sandbox-color-primary,#635bff);background:transparent;border:1px solid currentColor}
.mk-sandbox [role="alert"]{color:var(--mk-sandbox-color-danger,#b3261e);font-size:.9em}
.mk-sandbox-row{display:grid;grid-template-columns:repeat(auto-fit,minmax(7em,1fr));gap:calc(var(--mk-s)*3)}
.mk-sandbox table{border-collapse:collapse;width:100%}
.mk-sandbox th,.mk-sandbox td{text-align:left;padding:calc(var(--mk-s)*2);border-bottom:1px solid #e3e5e8}
.mk-sandbox-dialog-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.4);display:grid;place-items:center;z-index:2147483000}
`;

/** Adds the stand-ins' stylesheet once per document. */
export function ensureStyles(document: Document): void {
  if (document.getElementById(styleElementId)) return;
  const style = document.createElement('style');
  style.id = styleElementId;
  style.textContent = styles;
  (document.head ?? document.documentElement).appendChild(style);
}
