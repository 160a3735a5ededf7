/**
 * A constellation as built: with `nodeSizing: closed` each evaluation re-sizes every shell's node (array, radiator,
 * launch allocation) to what the node model asks at its orbit (node/stages/sizing.ts). A sample of a design under
 * uncertainty must not re-size it: the sizes are what the design fixed, and the sample asks whether the sampled
 * quantities still fit them. `builtSizes` reads the sizes a design's closure gives; `flownAsBuilt` flies a (sampled)
 * constellation with those sizes as given, every shell's node with its design margins spent (marginPolicy.ts), as a
 * node study's samples are (study/constraintSamples.ts).
 */
import { spendMargins } from '../../node/record/marginPolicy.js';
import { closeNodeDesign } from '../../node/stages/sizing.js';
import { shellNodeDesigns } from '../evaluate.js';
import type { ConstellationSpec } from './compile.js';

/** The sizes a shell's closed node fixes. */
export interface BuiltNodeSizes {
  readonly arrayArea_m2: number;
  readonly radiatorArea_m2: number;
  readonly launchMass_kg: number;
}

/** Each shell's node sizes as its design's closure fixes them; null when the file flies its nodes as given. */
export function builtSizes(spec: ConstellationSpec): BuiltNodeSizes[] | null {
  if (spec.nodeSizing !== 'closed') return null;
  return shellNodeDesigns(spec).map((node, i) => {
    const d = closeNodeDesign(node, spec.shells[i]!.rows).design;
    return {
      arrayArea_m2: d.power.arrayArea_m2,
      radiatorArea_m2: d.thermal.radiatorArea_m2,
      launchMass_kg: d.launch.mass_kg!, // the closure sets the allocation
    };
  });
}

/**
 * The constellation flown at the built sizes (null: as given), not re-sized, each node's design margins spent; the
 * launch allocation replaces a manifest's, as the closure's does.
 */
export function flownAsBuilt(spec: ConstellationSpec, sizes: readonly BuiltNodeSizes[] | null): ConstellationSpec {
  return {
    ...spec,
    nodeSizing: 'as-given',
    shells: spec.shells.map((s, i) => {
      const node = spendMargins(s.node);
      const z = sizes?.[i];
      if (z === undefined) return { ...s, node };
      return {
        ...s,
        node: {
          ...node,
          power: { ...node.power, arrayArea_m2: z.arrayArea_m2 },
          thermal: { ...node.thermal, radiatorArea_m2: z.radiatorArea_m2 },
          launch: { vehicle: node.launch.vehicle, mass_kg: z.launchMass_kg },
        },
      };
    }),
  };
}
