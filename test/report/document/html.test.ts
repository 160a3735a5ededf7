import { describe, expect, it } from 'vitest';
import { esc } from '../../../src/report/document/htmlText.js';

describe('esc (HTML escaping of report text)', () => {
  it('escapes the five special characters, every occurrence, in place', () => {
    expect(esc(`<a href="x">Tom & Jerry's</a> & <b>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; &amp; &lt;b&gt;',
    );
    expect(esc('&&')).toBe('&amp;&amp;');
  });

  it('returns text without special characters unchanged, and converts non-strings', () => {
    expect(esc('power.arrayArea_m2 1.5e-3')).toBe('power.arrayArea_m2 1.5e-3');
    expect(esc(42)).toBe('42');
    expect(esc(undefined)).toBe('undefined');
    expect(esc('')).toBe('');
  });

  it('is not fooled by a regex lastIndex left from an earlier call (a global test regex would be)', () => {
    expect(esc('a<b')).toBe('a&lt;b');
    expect(esc('<')).toBe('&lt;');
    expect(esc('x<')).toBe('x&lt;');
  });
});
