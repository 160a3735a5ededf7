import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { compileConstellation } from '../../../src/constellation/design/compile.js';
import { parseConstellation, parseConstellationFile } from '../../../src/constellation/design/load.js';
import { constellationFileSchema } from '../../../src/constellation/design/schema.js';
import { nodeDesignSchema } from '../../../src/node/design/schema.js';
import { parseWith, readInput } from '../../../src/base/yaml.js';
import { studyErrorOf, tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-constellation-');
const ai1 = resolve('designs/ai1.yaml');
const head = `name: c\nkind: constellation\nnode: ${ai1}\n`;
const shell = (extra = '') =>
  `shells:\n  - { name: s1, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 10${extra} }\n`;
const load = (name: string, text: string) => parseConstellationFile(writeFile(dir, name, text));

describe('constellation file loading', () => {
  it('a minimal file takes its node from the node file and its orbit from the shell', () => {
    const c = load('min.yaml', head + shell());
    expect(c.shellNodes).toHaveLength(1);
    const node = c.shellNodes[0]!.design;
    expect(node.orbit).toEqual({ altitude_km: 550, inclination_deg: 53, ltan_h: 6 });
    expect(node.compute.chips).toBe(72); // from designs/ai1.yaml
    expect(node.isl.topology).toBe('grid'); // constellation default +Grid → 4 terminals per node
    expect(node.name).toBe('c/s1');
  });

  it('a shell overrides node sections key by key and keeps the rest of the section', () => {
    const c = load(
      'override.yaml',
      `${head}shells:\n  - { name: s1, altitude_km: 550, planes: 2, satsPerPlane: 10, node: { compute: { chips: 36 } } }\n`,
    );
    const node = c.shellNodes[0]!.design;
    expect(node.compute.chips).toBe(36);
    expect(node.compute.chip).toBe('gb300');
    expect(node.compute.utilization).toBe(0.8);
  });

  it('an inline node works without a node file', () => {
    const c = load(
      'inline.yaml',
      `name: c\nkind: constellation\nnode: { compute: { chip: h100, chips: 8 } }\n${shell()}`,
    );
    expect(c.nodeFile).toBeNull();
    expect(c.shellNodes[0]!.design.compute.chip).toBe('h100');
  });

  it("an SSO shell's node is set to its most-shadowed plane's LTAN (Walker delta: 6, 12, 18, 0 h → noon or midnight)", () => {
    // P = 4 from 6 h: planes at 6, 12, 18, 0 h; noon and midnight planes stay near β = 0 all year.
    const c = load(
      'sso-walker.yaml',
      `${head}shells:\n  - { name: w, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 4, satsPerPlane: 2 }\n`,
    );
    expect([0, 12]).toContain(c.shellNodes[0]!.design.orbit.ltan_h);
    expect(c.shellNodes[0]!.sso!.ltanSpread_h).toBe(24);
    const band = load(
      'sso-band.yaml',
      `${head}shells:\n  - { name: b, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 2, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 1 }\n`,
    );
    // Band 5.5–6.5 h, P = 2: planes at 5.75 and 6.25 h; the sizing plane is one of them.
    expect([5.75, 6.25]).toContain(band.shellNodes[0]!.design.orbit.ltan_h);
  });

  it('compiles SSO shells to the J2 sun-synchronous inclination and user units to SI', () => {
    const c = load(
      'sso.yaml',
      `${head}shells:\n  - { name: s, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 1, satsPerPlane: 12 }\nground: { stations: [{ name: X, lat_deg: 10, lon_deg: 20, capacity_Gbps: 40 }] }\n`,
    );
    const spec = compileConstellation(c, loadCatalogs());
    const g = spec.shells[0]!.geometry;
    // docs/sources.md §11 case 6: 650 km → 97.99° (±0.02°)
    expect((g.inclination_rad * 180) / Math.PI).toBeCloseTo(97.99, 1);
    expect(g.altitude_m).toBe(650e3);
    expect(spec.stations[0]!.capacity_bps).toBe(40e9);
    expect(spec.stations[0]!.latitude_rad).toBeCloseTo((10 * Math.PI) / 180, 12);
    expect(spec.window.duration_s).toBe(24 * 3600);
  });
});

describe('bad constellation files exit 2 with a clear message', () => {
  it('an empty shell list', () => {
    const e = studyErrorOf(() => load('empty.yaml', `${head}shells: []\n`));
    expect(e.message).toContain('shells needs at least one shell');
    expect(e.message).toContain('empty.yaml');
  });

  /** What a rejected shell's error must carry: its code, its field, its place (file:5:column), its words. */
  interface Rejection {
    code?: string;
    field?: string;
    located?: true;
    says?: string[];
  }
  it.each<[string, string, string, Rejection]>([
    [
      'a zero-satellite plane names the field and line',
      'zero',
      'name: s1, altitude_km: 550, planes: 4, satsPerPlane: 0',
      { code: 'OUT_OF_RANGE', located: true, says: ['satsPerPlane must be at least 1'] },
    ],
    [
      'a misspelt shell key gets a did-you-mean',
      'typo',
      'name: s1, altitude_km: 550, planes: 4, satPerPlane: 10',
      { code: 'UNKNOWN_KEY', says: ['did you mean satsPerPlane?'] },
    ],
    [
      'ltanBand_h on a Walker pattern names the field, the 24 h spread and the fix',
      'band-walker',
      'name: dd, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 4, satsPerPlane: 2, ltanBand_h: 1',
      {
        code: 'OUT_OF_RANGE',
        field: 'shells.0.ltanBand_h',
        located: true,
        says: ['span all 24 h of local time', 'use pattern: sso-ltan'],
      },
    ],
    [
      'an sso-ltan shell at a fixed inclination names the pattern and the fix',
      'band-53',
      'name: b, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 2',
      { code: 'OUT_OF_RANGE', field: 'shells.0.pattern', says: ['set inclination_deg: sso'] },
    ],
    [
      'an LTAN band beyond 24 h names the field and its range',
      'band-30',
      'name: b, altitude_km: 550, planes: 4, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 30',
      {
        code: 'OUT_OF_RANGE',
        located: true,
        says: ['shell ltanBand_h is outside the model validity range 0–24 h', 'use a value in that range'],
      },
    ],
    // AI1: 600 m² array + 110 m² radiator → span ≥ √710 ≈ 27 m, so a 20 m cluster cannot hold even one node.
    [
      'a cluster radius smaller than the spacecraft',
      'tiny',
      'name: c, altitude_km: 650, planes: 1, satsPerPlane: 3, pattern: cluster, clusterRadius_m: 20',
      { code: 'OUT_OF_RANGE', says: ['smaller than one spacecraft'] },
    ],
    // 81 members in 100 m: in-plane relative orbits bring neighbours to 100/(2√21) ≈ 11 m < 27 m span.
    [
      'cluster members packed closer than a spacecraft span',
      'packed',
      'name: c, altitude_km: 650, planes: 1, satsPerPlane: 81, pattern: cluster, clusterRadius_m: 100',
      { says: ['closer than one spacecraft span'] },
    ],
    [
      'a cluster without a radius',
      'norad',
      'name: c, altitude_km: 650, planes: 1, satsPerPlane: 9, pattern: cluster',
      { code: 'MISSING_FIELD' },
    ],
    [
      'an out-of-range shell override is located in the constellation file',
      'ovr',
      'name: s1, altitude_km: 550, planes: 2, satsPerPlane: 10, node: { compute: { utilization: 7 } }',
      { code: 'OUT_OF_RANGE', located: true, says: ['compute.utilization'] },
    ],
    [
      'a shell may not set the node orbit',
      'orbit',
      'name: s1, altitude_km: 550, planes: 2, satsPerPlane: 10, node: { orbit: { altitude_km: 600 } }',
      { says: ['remove node.orbit'] },
    ],
  ])('%s', (_title, name, entry, want) => {
    const e = studyErrorOf(() => load(`${name}.yaml`, `${head}shells:\n  - { ${entry} }\n`));
    if (want.code) expect(e.code).toBe(want.code);
    if (want.field) expect(e.field).toBe(want.field);
    if (want.located) expect(e.message).toMatch(new RegExp(`${name}\\.yaml:5:\\d+`));
    for (const words of want.says ?? []) expect(e.message).toContain(words);
  });

  it('phasing must be below the plane count', () => {
    const e = studyErrorOf(() => load('phase.yaml', head + shell(', phasing: 4')));
    expect(e.message).toContain('phasing F = 4 must be below its 4 planes');
  });

  it('an unknown station id suggests the closest catalog id', () => {
    const c = load('station.yaml', `${head}${shell()}ground: { stations: [svalsatt] }\n`);
    const e = studyErrorOf(() => compileConstellation(c, loadCatalogs()));
    expect(e.code).toBe('UNKNOWN_CATALOG_ID');
    expect(e.message).toContain('ground-stations');
    expect(e.message).toMatch(/station\.yaml:\d+:\d+/);
  });

  it('a missing node file names the path', () => {
    const e = studyErrorOf(() => load('nonode.yaml', `name: c\nkind: constellation\nnode: nowhere.yaml\n${shell()}`));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toContain('nowhere.yaml');
  });

  it("the sky's keys renamed to lists (latitude_deg, date) are refused with the new key and the list to write", () => {
    const lat = studyErrorOf(() => load('sky-lat.yaml', `${head}${shell()}sky: { latitude_deg: 37 }\n`));
    expect(lat.code).toBe('UNKNOWN_KEY');
    expect(lat.message).toContain('did you mean sky.latitudes_deg? It takes a list: write latitudes_deg: [37]');
    const date = studyErrorOf(() => load('sky-date.yaml', `${head}${shell()}sky: { date: '2026-06-21' }\n`));
    expect(date.message).toContain('did you mean sky.dates? It takes a list: write dates: ["2026-06-21"]');
    expect(date.message).toMatch(/sky-date\.yaml:\d+:\d+/);
  });

  it('a bad epoch says the format', () => {
    const e = studyErrorOf(() => load('epoch.yaml', `${head}${shell()}simulation: { epoch: yesterday }\n`));
    expect(e.message).toContain('ISO 8601');
  });
});

describe('designs that differ in a few fields (a study): the keyed parse of their unchanged sections', () => {
  const text = (power: string, shellNode = '') =>
    `name: c\nkind: constellation\nnode: { compute: { chip: h100, chips: 8 }, power: ${power} }\n` +
    `shells:\n  - { name: s1, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 10${shellNode} }\n`;
  const file = (name: string, t: string) => readInput(writeFile(dir, name, t));
  const message = (f: () => unknown) => studyErrorOf(f).message;

  it('a value the schema refuses fails with the full parse’s text after valid designs were parsed', () => {
    parseConstellation(file('ok1.yaml', text('{ eclipseComputeFraction: 0.5 }')));
    parseConstellation(file('ok2.yaml', text('{ eclipseComputeFraction: 0.7 }')));
    const bad = file('bad.yaml', text('{ eclipseComputeFraction: 1.5 }'));
    const full = message(() => parseWith(constellationFileSchema(), bad));
    expect(full).toMatch(/eclipseComputeFraction/);
    expect(message(() => parseConstellation(bad))).toBe(full);
  });

  it("a shell's node section the node schema refuses fails as the node schema's full parse says", () => {
    const ok = text('{ eclipseComputeFraction: 0.5 }', ', node: { power: { eclipseComputeFraction: 0.5 } }');
    parseConstellation(file('shell-ok.yaml', ok));
    const bad = file('shell-bad.yaml', ok.replace(/0\.5 } } }/, '1.5 } } }'));
    const raw = bad.raw as { node: Record<string, unknown> };
    const merged = { ...raw.node, power: { eclipseComputeFraction: 1.5 }, name: 'c/s1', kind: 'node' };
    const r = nodeDesignSchema().safeParse(merged);
    expect(r.success).toBe(false);
    const m = message(() => parseConstellation(bad));
    expect(m).toMatch(/shell-bad\.yaml:5:\d+: power\.eclipseComputeFraction /); // line 5: the shell's override
    expect(m).toContain(r.error!.issues[0]!.message);
  });

  it("shells parsed one by one give the full parse's data, and a repeated shell name its error", () => {
    const two = (a: string, b: string) =>
      text('{ eclipseComputeFraction: 0.5 }') +
      `  - { name: ${a}, altitude_km: 600, inclination_deg: sso, planes: 2, satsPerPlane: 10 }\n` +
      `  - { name: ${b}, altitude_km: 700, planes: 3, satsPerPlane: 12, pattern: sso-ltan, ltanBand_h: 1 }\n`;
    for (const [k, t] of [two('s2', 's3'), two('s2', 's3').replace('600', '610')].entries()) {
      const f = file(`shells-${k}.yaml`, t);
      expect(parseConstellation(f).constellation).toStrictEqual(parseWith(constellationFileSchema(), f));
    }
    const repeated = file('shells-repeated.yaml', two('s2', 's1'));
    const full = message(() => parseWith(constellationFileSchema(), repeated));
    expect(full).toContain('"s1" is already the name of shells[0]');
    expect(message(() => parseConstellation(repeated))).toBe(full);
  });
});
