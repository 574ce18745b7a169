import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Fails the test on any axe-core violation. `color-contrast` is off because jsdom does not compute
 * styles, so axe cannot measure contrast here (Storybook's browser run checks it).
 */
export async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations).toEqual([]);
}
