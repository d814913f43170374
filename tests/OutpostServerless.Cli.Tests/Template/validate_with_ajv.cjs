// Validates bodies against an API Gateway model (JSON Schema draft-04) with ajv, reading every pattern as an
// ECMA-262 regular expression without the u flag: the strictest way a draft-04 validator may read a model.
// Usage: node validate_with_ajv.cjs MODEL.json BODIES.json (a JSON array); prints a JSON array with, per body,
// {"valid": bool, "errors": ["/instance/path message", ...]}.
const fs = require('fs');
const Ajv = require('ajv-draft-04').default;

const [model, bodies] = process.argv.slice(2).map(file => JSON.parse(fs.readFileSync(file, 'utf8')));
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(model);
console.log(JSON.stringify(bodies.map(body => ({
  valid: validate(body),
  errors: (validate.errors || []).map(error => `${error.instancePath} ${error.message}`),
}))));
