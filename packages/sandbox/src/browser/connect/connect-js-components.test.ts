import { describe, expect, it } from 'vitest';
import * as connectJs from '@stripe/connect-js/pure';
import connectJsPackage from '@stripe/connect-js/package.json' with { type: 'json' };
import {
  commonSetters,
  connectJsVersion,
  connectTagNames,
  customSetters,
} from './connect-js-components';

// The stand-in ships without connect-js, so it carries the lists; this keeps them equal to the pinned package.
describe('the connect-js component lists', () => {
  it('match every tag and setter of the installed @stripe/connect-js', () => {
    expect({
      connectJsVersion,
      connectTagNames,
      commonSetters,
      customSetters,
    }).toEqual({
      connectJsVersion: connectJsPackage.version,
      connectTagNames: [...connectJs.connectElementTagNames],
      commonSetters: Object.keys(connectJs.ConnectElementCommonMethodConfig),
      customSetters: Object.fromEntries(
        Object.entries(connectJs.ConnectElementCustomMethodConfig).map(([tag, setters]) => [
          tag,
          Object.keys(setters),
        ]),
      ),
    });
  });
});
