// A module load hook (node:module register) that loads a `.json` import without an import
// attribute as JSON. @actions/workflow-parser's dist/ imports its schema files that way (written for
// bundlers), which Node refuses with ERR_IMPORT_ATTRIBUTE_MISSING.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && !context.importAttributes?.type) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return nextLoad(url, context);
}
