import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { compileConstellation } from '../../../src/constellation/design/compile.js';
import { parseConstellationFile } from '../../../src/constellation/design/load.js';
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

  it('a zero-satellite plane names the field and line', () => {
    const e = studyErrorOf(() =>
      load('zero.yaml', `${head}shells:\n  - { name: s1, altitude_km: 550, planes: 4, satsPerPlane: 0 }\n`),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/zero\.yaml:5:\d+/);
    expect(e.message).toContain('satsPerPlane must be at least 1');
  });

  it('a misspelt shell key gets a did-you-mean', () => {
    const e = studyErrorOf(() =>
      load('typo.yaml', `${head}shells:\n  - { name: s1, altitude_km: 550, planes: 4, satPerPlane: 10 }\n`),
    );
    expect(e.code).toBe('UNKNOWN_KEY');
    expect(e.message).toContain('did you mean satsPerPlane?');
  });

  it('phasing must be below the plane count', () => {
    const e = studyErrorOf(() => load('phase.yaml', head + shell(', phasing: 4')));
    expect(e.message).toContain('phasing F = 4 must be below its 4 planes');
  });

  it('ltanBand_h on a Walker pattern names the field, the 24 h spread and the fix', () => {
    const e = studyErrorOf(() =>
      load(
        'band-walker.yaml',
        `${head}shells:\n  - { name: dd, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 4, satsPerPlane: 2, ltanBand_h: 1 }\n`,
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.field).toBe('shells.0.ltanBand_h');
    expect(e.message).toMatch(/band-walker\.yaml:5:\d+/);
    expect(e.message).toContain('span all 24 h of local time');
    expect(e.message).toContain('use pattern: sso-ltan');
  });

  it('an sso-ltan shell at a fixed inclination names the pattern and the fix', () => {
    const e = studyErrorOf(() =>
      load(
        'band-53.yaml',
        `${head}shells:\n  - { name: b, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 2 }\n`,
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.field).toBe('shells.0.pattern');
    expect(e.message).toContain('set inclination_deg: sso');
  });

  it('an LTAN band beyond 24 h names the field and its range', () => {
    const e = studyErrorOf(() =>
      load(
        'band-30.yaml',
        `${head}shells:\n  - { name: b, altitude_km: 550, planes: 4, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 30 }\n`,
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/band-30\.yaml:5:\d+/);
    expect(e.message).toContain('shell ltanBand_h is outside the model validity range 0–24 h');
    expect(e.message).toContain('use a value in that range');
  });

  it('a cluster radius smaller than the spacecraft', () => {
    // AI1: 600 m² array + 110 m² radiator → span ≥ √710 ≈ 27 m, so a 20 m cluster cannot hold even one node.
    const e = studyErrorOf(() =>
      load(
        'tiny.yaml',
        `${head}shells:\n  - { name: c, altitude_km: 650, planes: 1, satsPerPlane: 3, pattern: cluster, clusterRadius_m: 20 }\n`,
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('smaller than one spacecraft');
  });

  it('cluster members packed closer than a spacecraft span', () => {
    // 81 members in 100 m: in-plane relative orbits bring neighbours to 100/(2√21) ≈ 11 m < 27 m span.
    const e = studyErrorOf(() =>
      load(
        'packed.yaml',
        `${head}shells:\n  - { name: c, altitude_km: 650, planes: 1, satsPerPlane: 81, pattern: cluster, clusterRadius_m: 100 }\n`,
      ),
    );
    expect(e.message).toContain('closer than one spacecraft span');
  });

  it('a cluster without a radius', () => {
    const e = studyErrorOf(() =>
      load(
        'norad.yaml',
        `${head}shells:\n  - { name: c, altitude_km: 650, planes: 1, satsPerPlane: 9, pattern: cluster }\n`,
      ),
    );
    expect(e.code).toBe('MISSING_FIELD');
  });

  it('an unknown station id suggests the closest catalog id', () => {
    const c = load('station.yaml', `${head}${shell()}ground: { stations: [svalsatt] }\n`);
    const e = studyErrorOf(() => compileConstellation(c, loadCatalogs()));
    expect(e.code).toBe('UNKNOWN_CATALOG_ID');
    expect(e.message).toContain('ground-stations');
    expect(e.message).toMatch(/station\.yaml:\d+:\d+/);
  });

  it('an out-of-range shell override is located in the constellation file', () => {
    const e = studyErrorOf(() =>
      load(
        'ovr.yaml',
        `${head}shells:\n  - { name: s1, altitude_km: 550, planes: 2, satsPerPlane: 10, node: { compute: { utilization: 7 } } }\n`,
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/ovr\.yaml:5:\d+/);
    expect(e.message).toContain('compute.utilization');
  });

  it('a shell may not set the node orbit', () => {
    const e = studyErrorOf(() =>
      load(
        'orbit.yaml',
        `${head}shells:\n  - { name: s1, altitude_km: 550, planes: 2, satsPerPlane: 10, node: { orbit: { altitude_km: 600 } } }\n`,
      ),
    );
    expect(e.message).toContain('remove node.orbit');
  });

  it('a missing node file names the path', () => {
    const e = studyErrorOf(() => load('nonode.yaml', `name: c\nkind: constellation\nnode: nowhere.yaml\n${shell()}`));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toContain('nowhere.yaml');
  });

  it('a bad epoch says the format', () => {
    const e = studyErrorOf(() => load('epoch.yaml', `${head}${shell()}simulation: { epoch: yesterday }\n`));
    expect(e.message).toContain('ISO 8601');
  });
});
