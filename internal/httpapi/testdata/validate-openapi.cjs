// Validates an OpenAPI document with @apidevtools/swagger-parser.
// Usage: NODE_PATH=<dir>/node_modules node validate-openapi.cjs openapi.json
const SwaggerParser = require("@apidevtools/swagger-parser");
SwaggerParser.validate(process.argv[2])
  .then((api) => { console.log("valid: " + api.info.title + " " + api.info.version); })
  .catch((err) => { console.error("invalid: " + err.message); process.exit(1); });
