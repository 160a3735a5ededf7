/** JSON Schema (draft 2020-12) of design and study files, generated from the zod schema for editors. */
import * as z from 'zod';
import { nodeStudySchema } from '../../study/studySchema.js';
import { constellationFileSchema } from '../../constellation/design/schema.js';
import { answerSchema } from '../../run/answer/schema.js';

export function designJsonSchema(): object {
  // A study is a design plus optional study sections: one schema serves both (editors autocomplete keys).
  const relaxed = nodeStudySchema().partial({ variables: true, objectives: true });
  return {
    $id: 'https://odc.invalid/schema/design.schema.json',
    title: 'odc design or study file',
    ...z.toJSONSchema(relaxed, { io: 'input', unrepresentable: 'any' }),
  };
}

/** JSON Schema of constellation files (`kind: constellation`). */
export function constellationJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/constellation.schema.json',
    title: 'odc constellation file',
    ...z.toJSONSchema(constellationFileSchema(), { io: 'input', unrepresentable: 'any' }),
  };
}

/** JSON Schema of a run's answer record, answer.json (src/run/answer/schema.ts). */
export function answerJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/answer.schema.json',
    title: 'odc answer record (answer.json)',
    ...z.toJSONSchema(answerSchema(), { io: 'output', unrepresentable: 'any' }),
  };
}
