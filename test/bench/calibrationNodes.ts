/**
 * The generated node section of designs/CALIBRATION.md (between `nodes:begin` and `nodes:end`): each reference
 * design's published figures beside the model under odc's defaults, under the design's own stated assumptions
 * (designs/calibration/<name>-own.yaml) and, where a claim does not close even then, under the hardware it would
 * need (<name>-needs.yaml). The keys each file changes are listed from a diff of the designs, so the table states
 * its assumptions and cannot drift from the code: test/node/calibration.test.ts regenerates it and compares.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { fmt } from '../../src/base/numberFormat.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import type { NodeDesign } from '../../src/node/design/schema.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The repository root, from test/bench/ (vitest) or dist/test/bench/ (compiled). */
export const repoRoot = here.includes('/dist/test/') ? join(here, '../../..') : join(here, '../..');
const designPath = (rel: string): string => join(repoRoot, 'designs', rel);

interface Quantity {
  readonly quantity: string;
  readonly published: string;
  readonly value: (r: DesignRecord) => string;
}
interface Reference {
  readonly title: string;
  /** Design files relative to designs/: odc defaults, own assumptions, and optionally what the claim needs. */
  readonly files: readonly [string, string, string?];
  /** Builds the defaults design from the own one when no shipped default file exists. */
  readonly defaultsFrom?: (own: NodeDesign) => NodeDesign;
  readonly rows: readonly Quantity[];
}

const t = (kg: number): string => `${fmt(kg / 1000)} t`;
const kW = (W: number): string => `${fmt(W / 1000)} kW`;
const kWt = (r: DesignRecord): string => `${fmt(r.mass.kW_per_t)} kW/t`;
const failing = (r: DesignRecord): string => {
  const v = r.constraints.filter((c) => c.enforced && !c.satisfied).map((c) => c.name);
  return v.length ? `fails ${v.join(', ')}` : 'closes';
};
const netFlux = (r: DesignRecord): string =>
  `${fmt(r.thermal.netFlux_W_m2)} W/m² at ${fmt(r.thermal.radiatorTemp_K)} K`;
const radiatorNeeded = (r: DesignRecord): string => `${fmt(r.thermal.requiredRadiatorArea_m2)} m²`;
const perKW = (r: DesignRecord, kg: number): string => `${fmt(kg / (r.compute.itPowerPeak_W / 1000))} kg/kW`;
const sizedAt = (r: DesignRecord): string =>
  r.constraints.find((c) => c.name === 'power.arrayArea')?.description.includes('beginning') ? 'BOL' : 'EOL';
/** Array and radiator mass scaled from the installed to the needed areas, plus the battery. */
const neededPvStorageRadiator_kg = (r: DesignRecord): number =>
  (r.mass.array_kg / r.power.arrayArea_m2) * r.power.requiredArrayArea_m2 +
  r.mass.battery_kg +
  (r.mass.radiator_kg / r.thermal.radiatorArea_m2) * r.thermal.requiredRadiatorArea_m2;

const REFERENCES: readonly Reference[] = [
  {
    title: 'AI1',
    files: ['ai1.yaml', 'calibration/ai1-own.yaml', 'calibration/ai1-needs.yaml'],
    rows: [
      { quantity: 'IT power, average', published: '120 kW (§3, S)', value: (r) => kW(r.compute.itPowerAvg_W) },
      { quantity: 'radiator net flux', published: '~1,400 W/m² (§3, S)', value: netFlux },
      { quantity: 'radiator area needed', published: '~110 m² (§3, S)', value: radiatorNeeded },
      {
        quantity: 'array area needed',
        published: '~600 m² (§3, S)',
        value: (r) => `${fmt(r.power.requiredArrayArea_m2)} m²`,
      },
      { quantity: 'launch mass', published: '1.7–2.1 t (§3, D)', value: (r) => t(r.mass.launch_kg) },
      { quantity: 'kW per tonne', published: '~70 kW/t (§3, S)', value: kWt },
      { quantity: 'closure', published: '—', value: failing },
    ],
  },
  {
    title: 'Starcloud-3',
    files: ['starcloud-3.yaml', 'calibration/starcloud-3-own.yaml', 'calibration/starcloud-3-needs.yaml'],
    rows: [
      { quantity: 'IT power, peak', published: '200 kW (§2, S)', value: (r) => kW(r.compute.itPowerPeak_W) },
      { quantity: 'radiator net flux', published: '~633 W/m² at 20 °C (§2 WP, S)', value: netFlux },
      {
        quantity: 'radiator / array area needed',
        published: '"roughly half" (§2 WP, S)',
        value: (r) => fmt(r.thermal.requiredRadiatorArea_m2 / r.power.requiredArrayArea_m2),
      },
      { quantity: 'launch mass', published: '3 t (§2, S)', value: (r) => t(r.mass.launch_kg) },
      {
        quantity: 'specific power, peak IT',
        published: '67 W/kg (§2, S)',
        value: (r) => `${fmt(r.compute.itPowerPeak_W / r.mass.launch_kg)} W/kg`,
      },
      { quantity: 'closure', published: '—', value: failing },
    ],
  },
  {
    title: 'SpaceX orbital data center filing (an AI1-class node)',
    files: ['ai1.yaml', 'calibration/ai1-own.yaml', 'calibration/spacex-filing-needs.yaml'],
    rows: [
      { quantity: 'kW per tonne', published: '~100 kW/t (FCC SAT-LOA-20260108-00016)', value: kWt },
      { quantity: 'launch mass per node', published: '~1.2 t for 120 kW (D)', value: (r) => t(r.mass.launch_kg) },
      { quantity: 'closure', published: '—', value: failing },
    ],
  },
  {
    title: 'JPL 1 MW anchor (arXiv:2604.27197)',
    files: ['calibration/jpl-1mw.yaml', 'calibration/jpl-1mw.yaml'],
    // odc's defaults: the same node with the inferred thermal and array-sizing assumptions removed
    defaultsFrom: (own) =>
      ({
        ...own,
        thermal: {
          ...structuredClone(own.thermal),
          radiatorTemp_K: undefined,
          radiatingFaces: 2,
          hotCase: undefined,
          rejects: 'all',
          coating: 'osr',
        },
        power: { ...own.power, sizing: 'eol' },
      }) as NodeDesign,
    rows: [
      { quantity: 'IT power', published: '1 MW (P_IT)', value: (r) => `${fmt(r.compute.itPowerPeak_W / 1e6)} MW` },
      { quantity: 'radiator area needed', published: '2.50 × 10³ m²', value: radiatorNeeded },
      {
        quantity: 'PV area needed',
        published: '5.64 × 10³ m² (BOL)',
        value: (r) => `${fmt(r.power.requiredArrayArea_m2)} m² (${sizedAt(r)})`,
      },
      {
        quantity: 'PV + storage + radiator, at the areas needed',
        published: '29.4 kg/kW',
        value: (r) => perKW(r, neededPvStorageRadiator_kg(r)),
      },
      {
        quantity: 'total, as installed (5,640 / 2,500 m²)',
        published: '34–59 kg/kW',
        value: (r) => perKW(r, r.mass.launch_kg),
      },
    ],
  },
];

/** Dotted keys whose values differ between two designs (catalog rows listed by id and field). */
export function changedKeys(a: unknown, b: unknown, prefix = ''): string[] {
  const rowList = Array.isArray(b) && b.every((x) => x !== null && typeof x === 'object' && 'id' in x);
  if (rowList && prefix.startsWith('catalogs.')) {
    // a user row is compared with the shipped row it overrides
    const shipped =
      (loadCatalogs() as unknown as Record<string, readonly { id: string }[]>)[prefix.slice('catalogs.'.length)] ?? [];
    return (b as { id: string }[]).flatMap((row) => {
      const ship = shipped.find((r) => r.id === row.id);
      return ship
        ? changedKeys(ship, row, `${prefix}.${row.id}`).filter((k) => !k.includes('.year:'))
        : [`${prefix}.${row.id} (new row)`];
    });
  }
  if (rowList) {
    const byId = (x: unknown): Map<string, unknown> =>
      new Map((Array.isArray(x) ? x : []).map((r: { id: string }) => [r.id, r]));
    const before = byId(a);
    return [...byId(b)].flatMap(([id, row]) =>
      before.has(id) ? changedKeys(before.get(id), row, `${prefix}.${id}`) : [`${prefix}.${id} (new row)`],
    );
  }
  if (b !== null && typeof b === 'object' && !Array.isArray(b)) {
    const ao = (a !== null && typeof a === 'object' ? a : {}) as Record<string, unknown>;
    return Object.entries(b as Record<string, unknown>).flatMap(([k, v]) =>
      k === 'name' || k === 'description' || k === 'source' ? [] : changedKeys(ao[k], v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${prefix}: ${JSON.stringify(b)}`];
}

export function nodeCalibrationSection(): string {
  const lines = [
    '<!-- nodes:begin (generated by `npm run calibration`; do not edit by hand) -->',
    "## Reference designs under odc's defaults and under their own assumptions",
    '',
    "Each reference design is evaluated three ways: under odc's defaults (the shipped design file), under the assumptions its",
    'published figures imply (`designs/calibration/<name>-own.yaml`, whose header cites them), and, where the claim still does',
    'not close, with the hardware it would need (`<name>-needs.yaml`: user catalog rows, each an estimate of what would have',
    'to be true). The keys each file changes are listed below its table, from a diff of the designs.',
    '',
  ];
  for (const ref of REFERENCES) {
    const own = evaluateDesignFile(designPath(ref.files[1]));
    const base = ref.defaultsFrom
      ? {
          design: ref.defaultsFrom(own.design),
          record: nodeEvaluator(undefined, own.design.catalogs).evaluate(ref.defaultsFrom(own.design)),
        }
      : evaluateDesignFile(designPath(ref.files[0]));
    const needs = ref.files[2] !== undefined ? evaluateDesignFile(designPath(ref.files[2])) : undefined;
    const heads = [
      ref.defaultsFrom ? 'odc defaults (inferred keys removed)' : `odc defaults (\`${ref.files[0]}\`)`,
      `own assumptions (\`${ref.files[1]}\`)`,
    ];
    if (needs) heads.push(`with what it needs (\`${ref.files[2]}\`)`);
    lines.push(
      `### ${ref.title}`,
      '',
      `| Quantity | Published | ${heads.join(' | ')} |`,
      `|---|---|${heads.map(() => '---|').join('')}`,
    );
    for (const q of ref.rows) {
      const cells = [q.value(base.record), q.value(own.record), ...(needs ? [q.value(needs.record)] : [])];
      lines.push(`| ${q.quantity} | ${q.published} | ${cells.join(' | ')} |`);
    }
    lines.push('', `Own assumptions change: ${changedKeys(base.design, own.design).join('; ') || 'nothing'}.`);
    if (needs) lines.push('', `What it needs adds: ${changedKeys(own.design, needs.design).join('; ')}.`);
    lines.push('');
  }
  lines.push('<!-- nodes:end -->');
  return lines.join('\n');
}
