// A StrykerJS ignorer: mutants inside a logging call (the hub's `log(...)`, `console.*`) are
// not made. What a log line says is for whoever reads the logs; no test reads them, and a
// changed log line changes nothing the browsers or the storage see.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

/** `log(…)`, `this.log(…)`, `this.options.log(…)`, `console.warn(…)`… */
function isLogging(callee) {
  if (callee.type === 'Identifier') return callee.name === 'log';
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return false;
  if (callee.object.type === 'Identifier' && callee.object.name === 'console') return true;
  return callee.property.name === 'log' && callee.object.type !== 'Identifier';
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'logging', {
    shouldIgnore(path) {
      if (path.isCallExpression() && isLogging(path.node.callee)) {
        return 'A log line: what it says is for the logs, which no test reads.';
      }
      return undefined;
    },
  }),
];
