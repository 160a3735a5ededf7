/** JSON Schema (draft 2020-12) of design and study files, generated from the zod schema for editors. */
import { z } from 'zod';
import { nodeStudySchema } from './schema.js';

export function designJsonSchema(): object {
  // A study is a design plus optional study sections: one schema serves both (editors autocomplete keys).
  const relaxed = nodeStudySchema.partial({ variables: true, objectives: true });
  return {
    $id: 'https://odc.invalid/schema/design.schema.json',
    title: 'odc design or study file',
    ...z.toJSONSchema(relaxed, { io: 'input', unrepresentable: 'any' }),
  };
}
