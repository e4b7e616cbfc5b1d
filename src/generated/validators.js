// The fake's validators, compiled from openapi.yaml and asyncapi.yaml by scripts/generate-validators.ts.
// Do not make direct changes to the file.
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// ../../main/node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "../../main/node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// validators.js
var formats = { int32: { type: "number", validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 }, int64: { type: "number", validate: (n) => Number.isInteger(n) && Math.abs(n) <= 2 ** 63 } };
var inviteShare_query = validate20;
var func1 = require_ucs2length().default;
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.participantID === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "participantID" }, message: "must have required property 'participantID'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.participantID !== void 0) {
      let data1 = data.participantID;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err4 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": { "conferenceID": true, "participantID": true }, "dynamicProps": false, "dynamicItems": false };
var inviteShare_header = validate21;
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var inviteShare_body = validate22;
var schema35 = { "type": "object", "description": "The invitation flag.", "required": ["share"], "additionalProperties": false, "properties": { "share": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Invitation flag.\n- `0`: cancel the invitation.\n- `1`: invite the participant to share a screen.\n" } } };
var formats0 = formats.int32;
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.share === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/InviteShareDTO/required", keyword: "required", params: { missingProperty: "share" }, message: "must have required property 'share'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "share")) {
        const err1 = { instancePath, schemaPath: "openapi#/$defs/InviteShareDTO/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.share !== void 0) {
      let data0 = data.share;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err2 = { instancePath: instancePath + "/share", schemaPath: "openapi#/$defs/InviteShareDTO/properties/share/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (!(data0 === 0 || data0 === 1)) {
        const err3 = { instancePath: instancePath + "/share", schemaPath: "openapi#/$defs/InviteShareDTO/properties/share/enum", keyword: "enum", params: { allowedValues: schema35.properties.share.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (!formats0.validate(data0)) {
          const err4 = { instancePath: instancePath + "/share", schemaPath: "openapi#/$defs/InviteShareDTO/properties/share/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "openapi#/$defs/InviteShareDTO/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var inviteShare_400 = validate24;
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var inviteShare_401 = validate25;
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var inviteShare_403 = validate26;
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
validate26.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var inviteShare_500 = validate27;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_query = validate28;
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_header = validate29;
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Login-Type"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Login-Type" }, message: "must have required property 'X-Login-Type'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Password"] !== void 0) {
      let data0 = data["X-Password"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Password", schemaPath: "#/properties/X-Password/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Password", schemaPath: "#/properties/X-Password/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data["X-Login-Type"] !== void 0) {
      let data1 = data["X-Login-Type"];
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err3 = { instancePath: instancePath + "/X-Login-Type", schemaPath: "#/properties/X-Login-Type/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (1 !== data1) {
        const err4 = { instancePath: instancePath + "/X-Login-Type", schemaPath: "#/properties/X-Login-Type/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (!formats0.validate(data1)) {
          const err5 = { instancePath: instancePath + "/X-Login-Type", schemaPath: "#/properties/X-Login-Type/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data2 = data["X-Conference-Authorization"];
      if (typeof data2 === "string") {
        if (func1(data2) < 1) {
          const err6 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data["X-Nonce"] !== void 0) {
      let data3 = data["X-Nonce"];
      if (typeof data3 === "string") {
        if (func1(data3) < 1) {
          const err8 = { instancePath: instancePath + "/X-Nonce", schemaPath: "#/properties/X-Nonce/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/X-Nonce", schemaPath: "#/properties/X-Nonce/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": { "X-Password": true, "X-Login-Type": true, "X-Conference-Authorization": true, "X-Nonce": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_200 = validate30;
var formats6 = formats.int64;
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate31.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.data === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property 'data'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.data !== void 0) {
      let data0 = data.data;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.token === void 0) {
          const err1 = { instancePath: instancePath + "/data", schemaPath: "openapi#/$defs/ConfToken/required", keyword: "required", params: { missingProperty: "token" }, message: "must have required property 'token'" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.token !== void 0) {
          let data1 = data0.token;
          if (typeof data1 === "string") {
            if (func1(data1) < 1) {
              const err2 = { instancePath: instancePath + "/data/token", schemaPath: "openapi#/$defs/ConfToken/properties/token/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          } else {
            const err3 = { instancePath: instancePath + "/data/token", schemaPath: "openapi#/$defs/ConfToken/properties/token/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.tmpWsToken !== void 0) {
          if (typeof data0.tmpWsToken !== "string") {
            const err4 = { instancePath: instancePath + "/data/tmpWsToken", schemaPath: "openapi#/$defs/ConfToken/properties/tmpWsToken/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.wsURL !== void 0) {
          if (typeof data0.wsURL !== "string") {
            const err5 = { instancePath: instancePath + "/data/wsURL", schemaPath: "openapi#/$defs/ConfToken/properties/wsURL/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.role !== void 0) {
          let data4 = data0.role;
          if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
            const err6 = { instancePath: instancePath + "/data/role", schemaPath: "openapi#/$defs/ConfToken/properties/role/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          if (typeof data4 == "number" && isFinite(data4)) {
            if (!formats0.validate(data4)) {
              const err7 = { instancePath: instancePath + "/data/role", schemaPath: "openapi#/$defs/ConfToken/properties/role/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
        }
        if (data0.expireTime !== void 0) {
          let data5 = data0.expireTime;
          if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
            const err8 = { instancePath: instancePath + "/data/expireTime", schemaPath: "openapi#/$defs/ConfToken/properties/expireTime/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          if (typeof data5 == "number" && isFinite(data5)) {
            if (!formats6.validate(data5)) {
              const err9 = { instancePath: instancePath + "/data/expireTime", schemaPath: "openapi#/$defs/ConfToken/properties/expireTime/format", keyword: "format", params: { format: "int64" }, message: 'must match format "int64"' };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          }
        }
        if (data0.userID !== void 0) {
          if (typeof data0.userID !== "string") {
            const err10 = { instancePath: instancePath + "/data/userID", schemaPath: "openapi#/$defs/ConfToken/properties/userID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.orgID !== void 0) {
          if (typeof data0.orgID !== "string") {
            const err11 = { instancePath: instancePath + "/data/orgID", schemaPath: "openapi#/$defs/ConfToken/properties/orgID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.participantID !== void 0) {
          if (typeof data0.participantID !== "string") {
            const err12 = { instancePath: instancePath + "/data/participantID", schemaPath: "openapi#/$defs/ConfToken/properties/participantID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data0.confTokenExpireTime !== void 0) {
          let data9 = data0.confTokenExpireTime;
          if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
            const err13 = { instancePath: instancePath + "/data/confTokenExpireTime", schemaPath: "openapi#/$defs/ConfToken/properties/confTokenExpireTime/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          if (typeof data9 == "number" && isFinite(data9)) {
            if (!formats0.validate(data9)) {
              const err14 = { instancePath: instancePath + "/data/confTokenExpireTime", schemaPath: "openapi#/$defs/ConfToken/properties/confTokenExpireTime/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          }
        }
        if (data0.vmrCurrentConfID !== void 0) {
          if (typeof data0.vmrCurrentConfID !== "string") {
            const err15 = { instancePath: instancePath + "/data/vmrCurrentConfID", schemaPath: "openapi#/$defs/ConfToken/properties/vmrCurrentConfID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data0.supportNotifyType !== void 0) {
          let data11 = data0.supportNotifyType;
          if (Array.isArray(data11)) {
            const len0 = data11.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (typeof data11[i0] !== "string") {
                const err16 = { instancePath: instancePath + "/data/supportNotifyType/" + i0, schemaPath: "openapi#/$defs/ConfToken/properties/supportNotifyType/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
          } else {
            const err17 = { instancePath: instancePath + "/data/supportNotifyType", schemaPath: "openapi#/$defs/ConfToken/properties/supportNotifyType/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/data", schemaPath: "openapi#/$defs/ConfToken/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.addressToken !== void 0) {
      if (typeof data.addressToken !== "string") {
        const err19 = { instancePath: instancePath + "/addressToken", schemaPath: "#/properties/addressToken/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.gloablPublicIP !== void 0) {
      if (typeof data.gloablPublicIP !== "string") {
        const err20 = { instancePath: instancePath + "/gloablPublicIP", schemaPath: "#/properties/gloablPublicIP/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
validate31.evaluated = { "props": { "data": true, "addressToken": true, "gloablPublicIP": true }, "dynamicProps": false, "dynamicItems": false };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate31(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
    errors = vErrors.length;
  }
  validate30.errors = vErrors;
  return errors === 0;
}
validate30.evaluated = { "props": { "data": true, "addressToken": true, "gloablPublicIP": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_400 = validate33;
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
validate33.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_401 = validate34;
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate34.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
}
validate34.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_403 = validate35;
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate35.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate35.errors = vErrors;
  return errors === 0;
}
validate35.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createConfToken_500 = validate36;
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate36.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
validate36.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_query = validate37;
function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate37.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate37.errors = vErrors;
  return errors === 0;
}
validate37.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_header = validate38;
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate38.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate38.errors = vErrors;
  return errors === 0;
}
validate38.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_200 = validate39;
function validate40(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate40.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.attendees !== void 0) {
      let data0 = data.attendees;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.accountID !== void 0) {
              if (typeof data1.accountID !== "string") {
                const err0 = { instancePath: instancePath + "/attendees/" + i0 + "/accountID", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/accountID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err0];
                } else {
                  vErrors.push(err0);
                }
                errors++;
              }
            }
            if (data1.userUUID !== void 0) {
              if (typeof data1.userUUID !== "string") {
                const err1 = { instancePath: instancePath + "/attendees/" + i0 + "/userUUID", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/userUUID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (data1.name !== void 0) {
              if (typeof data1.name !== "string") {
                const err2 = { instancePath: instancePath + "/attendees/" + i0 + "/name", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err2];
                } else {
                  vErrors.push(err2);
                }
                errors++;
              }
            }
            if (data1.phone !== void 0) {
              if (typeof data1.phone !== "string") {
                const err3 = { instancePath: instancePath + "/attendees/" + i0 + "/phone", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/phone/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data1.phoneLeft !== void 0) {
              if (typeof data1.phoneLeft !== "string") {
                const err4 = { instancePath: instancePath + "/attendees/" + i0 + "/phoneLeft", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/phoneLeft/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data1.phoneRight !== void 0) {
              if (typeof data1.phoneRight !== "string") {
                const err5 = { instancePath: instancePath + "/attendees/" + i0 + "/phoneRight", schemaPath: "openapi#/$defs/RealTimeAttendee/properties/phoneRight/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          } else {
            const err6 = { instancePath: instancePath + "/attendees/" + i0, schemaPath: "openapi#/$defs/RealTimeAttendee/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/attendees", schemaPath: "#/properties/attendees/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.participants !== void 0) {
      let data8 = data.participants;
      if (Array.isArray(data8)) {
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data9 = data8[i1];
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            if (data9.pid !== void 0) {
              if (typeof data9.pid !== "string") {
                const err8 = { instancePath: instancePath + "/participants/" + i1 + "/pid", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/pid/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data9.name !== void 0) {
              if (typeof data9.name !== "string") {
                const err9 = { instancePath: instancePath + "/participants/" + i1 + "/name", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data9.phone !== void 0) {
              if (typeof data9.phone !== "string") {
                const err10 = { instancePath: instancePath + "/participants/" + i1 + "/phone", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/phone/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data9.state !== void 0) {
              let data13 = data9.state;
              if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                const err11 = { instancePath: instancePath + "/participants/" + i1 + "/state", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/state/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
              if (typeof data13 == "number" && isFinite(data13)) {
                if (!formats0.validate(data13)) {
                  const err12 = { instancePath: instancePath + "/participants/" + i1 + "/state", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/state/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              }
            }
            if (data9.video !== void 0) {
              let data14 = data9.video;
              if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                const err13 = { instancePath: instancePath + "/participants/" + i1 + "/video", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/video/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              if (typeof data14 == "number" && isFinite(data14)) {
                if (!formats0.validate(data14)) {
                  const err14 = { instancePath: instancePath + "/participants/" + i1 + "/video", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/video/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              }
            }
            if (data9.mute !== void 0) {
              let data15 = data9.mute;
              if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
                const err15 = { instancePath: instancePath + "/participants/" + i1 + "/mute", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/mute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
              if (typeof data15 == "number" && isFinite(data15)) {
                if (!formats0.validate(data15)) {
                  const err16 = { instancePath: instancePath + "/participants/" + i1 + "/mute", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/mute/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
                  if (vErrors === null) {
                    vErrors = [err16];
                  } else {
                    vErrors.push(err16);
                  }
                  errors++;
                }
              }
            }
            if (data9.hand !== void 0) {
              let data16 = data9.hand;
              if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                const err17 = { instancePath: instancePath + "/participants/" + i1 + "/hand", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/hand/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
              if (typeof data16 == "number" && isFinite(data16)) {
                if (!formats0.validate(data16)) {
                  const err18 = { instancePath: instancePath + "/participants/" + i1 + "/hand", schemaPath: "openapi#/$defs/RealTimeParticipant/properties/hand/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err19 = { instancePath: instancePath + "/participants/" + i1, schemaPath: "openapi#/$defs/RealTimeParticipant/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/participants", schemaPath: "#/properties/participants/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.confInfo !== void 0) {
      let data17 = data.confInfo;
      if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
        if (data17.chairID !== void 0) {
          if (typeof data17.chairID !== "string") {
            const err21 = { instancePath: instancePath + "/confInfo/chairID", schemaPath: "openapi#/$defs/RealTimeConfInfo/properties/chairID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data17.coHosts !== void 0) {
          let data19 = data17.coHosts;
          if (Array.isArray(data19)) {
            const len2 = data19.length;
            for (let i2 = 0; i2 < len2; i2++) {
              if (typeof data19[i2] !== "string") {
                const err22 = { instancePath: instancePath + "/confInfo/coHosts/" + i2, schemaPath: "openapi#/$defs/RealTimeConfInfo/properties/coHosts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
          } else {
            const err23 = { instancePath: instancePath + "/confInfo/coHosts", schemaPath: "openapi#/$defs/RealTimeConfInfo/properties/coHosts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
      } else {
        const err24 = { instancePath: instancePath + "/confInfo", schemaPath: "openapi#/$defs/RealTimeConfInfo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
  } else {
    const err25 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err25];
    } else {
      vErrors.push(err25);
    }
    errors++;
  }
  validate40.errors = vErrors;
  return errors === 0;
}
validate40.evaluated = { "props": { "attendees": true, "participants": true, "confInfo": true }, "dynamicProps": false, "dynamicItems": false };
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate39.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate40(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
    errors = vErrors.length;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
validate39.evaluated = { "props": { "attendees": true, "participants": true, "confInfo": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_400 = validate42;
function validate42(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate42.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate42.errors = vErrors;
  return errors === 0;
}
validate42.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_401 = validate43;
function validate43(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate43.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate43.errors = vErrors;
  return errors === 0;
}
validate43.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_403 = validate44;
function validate44(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate44.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate44.errors = vErrors;
  return errors === 0;
}
validate44.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var showRealTimeInfoOfMeeting_500 = validate45;
function validate45(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate45.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate45.errors = vErrors;
  return errors === 0;
}
validate45.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_query = validate46;
function validate46(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate46.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate46.errors = vErrors;
  return errors === 0;
}
validate46.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_header = validate47;
function validate47(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate47.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate47.errors = vErrors;
  return errors === 0;
}
validate47.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_body = validate48;
var schema75 = { "type": "object", "description": "Settings of an ongoing meeting to change. Every field is optional; those left out stay\nas they are. The values of each field are those the official SDKs' model lists.\nClient-side assumptions: at least one field (`minProperties`), no field the model\ndoes not have (`additionalProperties`), and no value the model does not list (`enum`);\nthis client refuses such a body before sending it. Third-party clients also send\nfields the model lacks (`enableWaitingRoom`); this spec keeps to the model.\n", "additionalProperties": false, "minProperties": 1, "properties": { "lockSharing": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Sharing lock.\n- `0`: not locked: participants may share.\n- `1`: locked: only the host may share.\n" }, "freeShare": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Who may take over a share in progress.\n- `0`: only the host and co-hosts.\n- `1`: anyone.\n" }, "isLock": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Meeting lock.\n- `0`: unlocked.\n- `1`: locked.\n" }, "callInRestriction": { "type": "integer", "format": "int32", "enum": [0, 2, 3], "description": "Who may join the meeting.\n- `0`: all users.\n- `2`: users of the enterprise.\n- `3`: invited users.\n" }, "audienceCallInRestriction": { "type": "integer", "format": "int32", "enum": [0, 2], "description": "Who may join a webinar as audience.\n- `0`: all users.\n- `2`: users of the enterprise and invited users.\n" }, "allowUnmuteByOneself": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Whether participants may unmute themselves (the vendor's default: allowed).\n- `0`: not allowed.\n- `1`: allowed.\n" }, "chatPermission": { "type": "integer", "format": "int32", "enum": [1, 2, 3, 4], "description": "Chat permission.\n- `1`: no chat.\n- `2`: private chat only.\n- `3`: public chat only.\n- `4`: free chat.\n" }, "allowOpenCamera": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Whether participants may turn on their own camera.\n- `0`: not allowed.\n- `1`: allowed.\n" }, "allowRename": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Whether participants may rename themselves.\n- `0`: not allowed.\n- `1`: allowed.\n" }, "clientRecMode": { "type": "integer", "format": "int32", "description": "Who may record locally on their client (the vendor's default: only the host). The\nvendor's SDK lists `0`, `1` (everyone may record) and `2` (some may record) and\ndescribes `0` as \"all users\"; the meaning of `0` against `1` is ambiguous there,\nso no value is excluded here.\n" } } };
var func13 = Object.prototype.hasOwnProperty;
function validate48(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate48.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func13.call(schema75.properties, key0)) {
        const err1 = { instancePath, schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.lockSharing !== void 0) {
      let data0 = data.lockSharing;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err2 = { instancePath: instancePath + "/lockSharing", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/lockSharing/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (!(data0 === 0 || data0 === 1)) {
        const err3 = { instancePath: instancePath + "/lockSharing", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/lockSharing/enum", keyword: "enum", params: { allowedValues: schema75.properties.lockSharing.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (!formats0.validate(data0)) {
          const err4 = { instancePath: instancePath + "/lockSharing", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/lockSharing/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.freeShare !== void 0) {
      let data1 = data.freeShare;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err5 = { instancePath: instancePath + "/freeShare", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/freeShare/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (!(data1 === 0 || data1 === 1)) {
        const err6 = { instancePath: instancePath + "/freeShare", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/freeShare/enum", keyword: "enum", params: { allowedValues: schema75.properties.freeShare.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (!formats0.validate(data1)) {
          const err7 = { instancePath: instancePath + "/freeShare", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/freeShare/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.isLock !== void 0) {
      let data2 = data.isLock;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err8 = { instancePath: instancePath + "/isLock", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/isLock/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (!(data2 === 0 || data2 === 1)) {
        const err9 = { instancePath: instancePath + "/isLock", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/isLock/enum", keyword: "enum", params: { allowedValues: schema75.properties.isLock.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (!formats0.validate(data2)) {
          const err10 = { instancePath: instancePath + "/isLock", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/isLock/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
    if (data.callInRestriction !== void 0) {
      let data3 = data.callInRestriction;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err11 = { instancePath: instancePath + "/callInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/callInRestriction/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (!(data3 === 0 || data3 === 2 || data3 === 3)) {
        const err12 = { instancePath: instancePath + "/callInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/callInRestriction/enum", keyword: "enum", params: { allowedValues: schema75.properties.callInRestriction.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (!formats0.validate(data3)) {
          const err13 = { instancePath: instancePath + "/callInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/callInRestriction/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      }
    }
    if (data.audienceCallInRestriction !== void 0) {
      let data4 = data.audienceCallInRestriction;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err14 = { instancePath: instancePath + "/audienceCallInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/audienceCallInRestriction/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (!(data4 === 0 || data4 === 2)) {
        const err15 = { instancePath: instancePath + "/audienceCallInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/audienceCallInRestriction/enum", keyword: "enum", params: { allowedValues: schema75.properties.audienceCallInRestriction.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (!formats0.validate(data4)) {
          const err16 = { instancePath: instancePath + "/audienceCallInRestriction", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/audienceCallInRestriction/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
    if (data.allowUnmuteByOneself !== void 0) {
      let data5 = data.allowUnmuteByOneself;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err17 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowUnmuteByOneself/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (!(data5 === 0 || data5 === 1)) {
        const err18 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowUnmuteByOneself/enum", keyword: "enum", params: { allowedValues: schema75.properties.allowUnmuteByOneself.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (!formats0.validate(data5)) {
          const err19 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowUnmuteByOneself/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
    if (data.chatPermission !== void 0) {
      let data6 = data.chatPermission;
      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
        const err20 = { instancePath: instancePath + "/chatPermission", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/chatPermission/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      if (!(data6 === 1 || data6 === 2 || data6 === 3 || data6 === 4)) {
        const err21 = { instancePath: instancePath + "/chatPermission", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/chatPermission/enum", keyword: "enum", params: { allowedValues: schema75.properties.chatPermission.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
      if (typeof data6 == "number" && isFinite(data6)) {
        if (!formats0.validate(data6)) {
          const err22 = { instancePath: instancePath + "/chatPermission", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/chatPermission/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
    }
    if (data.allowOpenCamera !== void 0) {
      let data7 = data.allowOpenCamera;
      if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
        const err23 = { instancePath: instancePath + "/allowOpenCamera", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowOpenCamera/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
      if (!(data7 === 0 || data7 === 1)) {
        const err24 = { instancePath: instancePath + "/allowOpenCamera", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowOpenCamera/enum", keyword: "enum", params: { allowedValues: schema75.properties.allowOpenCamera.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data7 == "number" && isFinite(data7)) {
        if (!formats0.validate(data7)) {
          const err25 = { instancePath: instancePath + "/allowOpenCamera", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowOpenCamera/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.allowRename !== void 0) {
      let data8 = data.allowRename;
      if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
        const err26 = { instancePath: instancePath + "/allowRename", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowRename/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      if (!(data8 === 0 || data8 === 1)) {
        const err27 = { instancePath: instancePath + "/allowRename", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowRename/enum", keyword: "enum", params: { allowedValues: schema75.properties.allowRename.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      if (typeof data8 == "number" && isFinite(data8)) {
        if (!formats0.validate(data8)) {
          const err28 = { instancePath: instancePath + "/allowRename", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/allowRename/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      }
    }
    if (data.clientRecMode !== void 0) {
      let data9 = data.clientRecMode;
      if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
        const err29 = { instancePath: instancePath + "/clientRecMode", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/clientRecMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      if (typeof data9 == "number" && isFinite(data9)) {
        if (!formats0.validate(data9)) {
          const err30 = { instancePath: instancePath + "/clientRecMode", schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/properties/clientRecMode/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      }
    }
  } else {
    const err31 = { instancePath, schemaPath: "openapi#/$defs/UpdateStartedConfigReqBody/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err31];
    } else {
      vErrors.push(err31);
    }
    errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
}
validate48.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_400 = validate49;
function validate49(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate49.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate49.errors = vErrors;
  return errors === 0;
}
validate49.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_401 = validate50;
function validate50(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate50.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate50.errors = vErrors;
  return errors === 0;
}
validate50.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_403 = validate51;
function validate51(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate51.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate51.errors = vErrors;
  return errors === 0;
}
validate51.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var updateStartedConfConfig_500 = validate52;
function validate52(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate52.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
}
validate52.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_query = validate53;
function validate53(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate53.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate53.errors = vErrors;
  return errors === 0;
}
validate53.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_header = validate54;
function validate54(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate54.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate54.errors = vErrors;
  return errors === 0;
}
validate54.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_200 = validate55;
function validate55(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate55.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.webSocketToken !== void 0) {
      if (typeof data.webSocketToken !== "string") {
        const err0 = { instancePath: instancePath + "/webSocketToken", schemaPath: "openapi#/$defs/WebSocketToken/properties/webSocketToken/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
  } else {
    const err1 = { instancePath, schemaPath: "openapi#/$defs/WebSocketToken/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate55.errors = vErrors;
  return errors === 0;
}
validate55.evaluated = { "props": { "webSocketToken": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_400 = validate56;
function validate56(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate56.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
}
validate56.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_401 = validate57;
function validate57(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate57.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate57.errors = vErrors;
  return errors === 0;
}
validate57.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_403 = validate58;
function validate58(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate58.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate58.errors = vErrors;
  return errors === 0;
}
validate58.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var createWebSocketToken_500 = validate59;
function validate59(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate59.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate59.errors = vErrors;
  return errors === 0;
}
validate59.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_query = validate60;
function validate60(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate60.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.participantID === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "participantID" }, message: "must have required property 'participantID'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.participantID !== void 0) {
      let data1 = data.participantID;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err4 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate60.errors = vErrors;
  return errors === 0;
}
validate60.evaluated = { "props": { "conferenceID": true, "participantID": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_header = validate61;
function validate61(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate61.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate61.errors = vErrors;
  return errors === 0;
}
validate61.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_body = validate62;
var schema98 = { "type": "object", "required": ["isMute"], "additionalProperties": false, "properties": { "isMute": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "- `0`: unmute.\n- `1`: mute.\n" } }, "$id": "muteParticipant_body" };
function validate62(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate62.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.isMute === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "isMute" }, message: "must have required property 'isMute'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "isMute")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.isMute !== void 0) {
      let data0 = data.isMute;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err2 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (!(data0 === 0 || data0 === 1)) {
        const err3 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/enum", keyword: "enum", params: { allowedValues: schema98.properties.isMute.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (!formats0.validate(data0)) {
          const err4 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate62.errors = vErrors;
  return errors === 0;
}
validate62.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_400 = validate63;
function validate63(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate63.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate63.errors = vErrors;
  return errors === 0;
}
validate63.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_401 = validate64;
function validate64(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate64.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate64.errors = vErrors;
  return errors === 0;
}
validate64.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_403 = validate65;
function validate65(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate65.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate65.errors = vErrors;
  return errors === 0;
}
validate65.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteParticipant_500 = validate66;
function validate66(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate66.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate66.errors = vErrors;
  return errors === 0;
}
validate66.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_query = validate67;
function validate67(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate67.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate67.errors = vErrors;
  return errors === 0;
}
validate67.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_header = validate68;
function validate68(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate68.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate68.errors = vErrors;
  return errors === 0;
}
validate68.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_body = validate69;
var schema109 = { "type": "object", "required": ["isMute"], "additionalProperties": false, "properties": { "isMute": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "- `0`: unmute.\n- `1`: mute.\n" }, "allowUnmuteByOneself": { "type": "integer", "format": "int32", "enum": [0, 1], "description": "Whether participants may unmute themselves (only when muting; the vendor's default: allowed).\n- `0`: not allowed.\n- `1`: allowed.\n" } }, "$id": "muteMeeting_body" };
function validate69(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate69.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.isMute === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "isMute" }, message: "must have required property 'isMute'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "isMute" || key0 === "allowUnmuteByOneself")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.isMute !== void 0) {
      let data0 = data.isMute;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err2 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (!(data0 === 0 || data0 === 1)) {
        const err3 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/enum", keyword: "enum", params: { allowedValues: schema109.properties.isMute.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (!formats0.validate(data0)) {
          const err4 = { instancePath: instancePath + "/isMute", schemaPath: "#/properties/isMute/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.allowUnmuteByOneself !== void 0) {
      let data1 = data.allowUnmuteByOneself;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err5 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "#/properties/allowUnmuteByOneself/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (!(data1 === 0 || data1 === 1)) {
        const err6 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "#/properties/allowUnmuteByOneself/enum", keyword: "enum", params: { allowedValues: schema109.properties.allowUnmuteByOneself.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (!formats0.validate(data1)) {
          const err7 = { instancePath: instancePath + "/allowUnmuteByOneself", schemaPath: "#/properties/allowUnmuteByOneself/format", keyword: "format", params: { format: "int32" }, message: 'must match format "int32"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate69.errors = vErrors;
  return errors === 0;
}
validate69.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_400 = validate70;
function validate70(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate70.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate70.errors = vErrors;
  return errors === 0;
}
validate70.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_401 = validate71;
function validate71(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate71.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate71.errors = vErrors;
  return errors === 0;
}
validate71.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_403 = validate72;
function validate72(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate72.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate72.errors = vErrors;
  return errors === 0;
}
validate72.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var muteMeeting_500 = validate73;
function validate73(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate73.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate73.errors = vErrors;
  return errors === 0;
}
validate73.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_query = validate74;
function validate74(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate74.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate74.errors = vErrors;
  return errors === 0;
}
validate74.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_header = validate75;
function validate75(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate75.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate75.errors = vErrors;
  return errors === 0;
}
validate75.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_body = validate76;
function validate76(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate76.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.bulkHangUpParticipants === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "bulkHangUpParticipants" }, message: "must have required property 'bulkHangUpParticipants'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "bulkHangUpParticipants")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.bulkHangUpParticipants !== void 0) {
      let data0 = data.bulkHangUpParticipants;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/bulkHangUpParticipants", schemaPath: "#/properties/bulkHangUpParticipants/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func1(data1) < 1) {
              const err3 = { instancePath: instancePath + "/bulkHangUpParticipants/" + i0, schemaPath: "#/properties/bulkHangUpParticipants/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/bulkHangUpParticipants/" + i0, schemaPath: "#/properties/bulkHangUpParticipants/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/bulkHangUpParticipants", schemaPath: "#/properties/bulkHangUpParticipants/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate76.errors = vErrors;
  return errors === 0;
}
validate76.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var hangUp_400 = validate77;
function validate77(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate77.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate77.errors = vErrors;
  return errors === 0;
}
validate77.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_401 = validate78;
function validate78(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate78.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate78.errors = vErrors;
  return errors === 0;
}
validate78.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_403 = validate79;
function validate79(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate79.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate79.errors = vErrors;
  return errors === 0;
}
validate79.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var hangUp_500 = validate80;
function validate80(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate80.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate80.errors = vErrors;
  return errors === 0;
}
validate80.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_query = validate81;
function validate81(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate81.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate81.errors = vErrors;
  return errors === 0;
}
validate81.evaluated = { "props": { "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_header = validate82;
function validate82(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate82.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate82.errors = vErrors;
  return errors === 0;
}
validate82.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_body = validate83;
function validate83(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate83.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.number === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "number" }, message: "must have required property 'number'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.newName === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "newName" }, message: "must have required property 'newName'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "participantID" || key0 === "number" || key0 === "newName")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.participantID !== void 0) {
      let data0 = data.participantID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err3 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/participantID", schemaPath: "#/properties/participantID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.number !== void 0) {
      let data1 = data.number;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err5 = { instancePath: instancePath + "/number", schemaPath: "#/properties/number/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/number", schemaPath: "#/properties/number/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.newName !== void 0) {
      let data2 = data.newName;
      if (typeof data2 === "string") {
        if (func1(data2) > 64) {
          const err7 = { instancePath: instancePath + "/newName", schemaPath: "#/properties/newName/maxLength", keyword: "maxLength", params: { limit: 64 }, message: "must NOT have more than 64 characters" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (func1(data2) < 1) {
          const err8 = { instancePath: instancePath + "/newName", schemaPath: "#/properties/newName/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/newName", schemaPath: "#/properties/newName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate83.errors = vErrors;
  return errors === 0;
}
validate83.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_400 = validate84;
function validate84(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate84.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate84.errors = vErrors;
  return errors === 0;
}
validate84.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_401 = validate85;
function validate85(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate85.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate85.errors = vErrors;
  return errors === 0;
}
validate85.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_403 = validate86;
function validate86(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate86.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate86.errors = vErrors;
  return errors === 0;
}
validate86.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var renameParticipant_500 = validate87;
function validate87(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate87.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate87.errors = vErrors;
  return errors === 0;
}
validate87.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_query = validate88;
function validate88(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate88.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.conferenceID === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "conferenceID" }, message: "must have required property 'conferenceID'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.uuID === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "uuID" }, message: "must have required property 'uuID'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.conferenceID !== void 0) {
      let data0 = data.conferenceID;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err2 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.uuID !== void 0) {
      let data1 = data.uuID;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err4 = { instancePath: instancePath + "/uuID", schemaPath: "#/properties/uuID/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/uuID", schemaPath: "#/properties/uuID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate88.errors = vErrors;
  return errors === 0;
}
validate88.evaluated = { "props": { "conferenceID": true, "uuID": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_header = validate89;
function validate89(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate89.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["X-Conference-Authorization"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "X-Conference-Authorization" }, message: "must have required property 'X-Conference-Authorization'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data["X-Conference-Authorization"] !== void 0) {
      let data0 = data["X-Conference-Authorization"];
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err1 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/X-Conference-Authorization", schemaPath: "#/properties/X-Conference-Authorization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate89.errors = vErrors;
  return errors === 0;
}
validate89.evaluated = { "props": { "X-Conference-Authorization": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_400 = validate90;
function validate90(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate90.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate90.errors = vErrors;
  return errors === 0;
}
validate90.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_401 = validate91;
function validate91(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate91.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate91.errors = vErrors;
  return errors === 0;
}
validate91.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_403 = validate92;
function validate92(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate92.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate92.errors = vErrors;
  return errors === 0;
}
validate92.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var deleteLayout_500 = validate93;
function validate93(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate93.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.error_code === void 0) {
      const err0 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_code" }, message: "must have required property 'error_code'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.error_msg === void 0) {
      const err1 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/required", keyword: "required", params: { missingProperty: "error_msg" }, message: "must have required property 'error_msg'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.error_code !== void 0) {
      if (typeof data.error_code !== "string") {
        const err2 = { instancePath: instancePath + "/error_code", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.error_msg !== void 0) {
      if (typeof data.error_msg !== "string") {
        const err3 = { instancePath: instancePath + "/error_msg", schemaPath: "openapi#/$defs/ErrorResponse/properties/error_msg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "openapi#/$defs/ErrorResponse/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate93.errors = vErrors;
  return errors === 0;
}
validate93.evaluated = { "props": { "error_code": true, "error_msg": true }, "dynamicProps": false, "dynamicItems": false };
var event_SubscribeFrame = validate94;
function validate94(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate94.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.sequence === void 0) {
      const err0 = { instancePath, schemaPath: "asyncapi#/$defs/SubscribeFrame/required", keyword: "required", params: { missingProperty: "sequence" }, message: "must have required property 'sequence'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "asyncapi#/$defs/SubscribeFrame/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.data === void 0) {
      const err2 = { instancePath, schemaPath: "asyncapi#/$defs/SubscribeFrame/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property 'data'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.sequence !== void 0) {
      let data0 = data.sequence;
      if (typeof data0 === "string") {
        if (func1(data0) > 30) {
          const err3 = { instancePath: instancePath + "/sequence", schemaPath: "asyncapi#/$defs/SubscribeFrame/properties/sequence/maxLength", keyword: "maxLength", params: { limit: 30 }, message: "must NOT have more than 30 characters" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (func1(data0) < 20) {
          const err4 = { instancePath: instancePath + "/sequence", schemaPath: "asyncapi#/$defs/SubscribeFrame/properties/sequence/minLength", keyword: "minLength", params: { limit: 20 }, message: "must NOT have fewer than 20 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/sequence", schemaPath: "asyncapi#/$defs/SubscribeFrame/properties/sequence/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      if ("Subscribe" !== data.action) {
        const err6 = { instancePath: instancePath + "/action", schemaPath: "asyncapi#/$defs/SubscribeFrame/properties/action/const", keyword: "const", params: { allowedValue: "Subscribe" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      if (typeof data.data !== "string") {
        const err7 = { instancePath: instancePath + "/data", schemaPath: "asyncapi#/$defs/SubscribeFrame/properties/data/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "asyncapi#/$defs/SubscribeFrame/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate94.errors = vErrors;
  return errors === 0;
}
validate94.evaluated = { "props": { "sequence": true, "action": true, "data": true }, "dynamicProps": false, "dynamicItems": false };
var event_SubscribeData = validate96;
function validate97(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate97.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.subscribeType === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "subscribeType" }, message: "must have required property 'subscribeType'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.confToken === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "confToken" }, message: "must have required property 'confToken'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.subscribeType !== void 0) {
      let data0 = data.subscribeType;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data0[i0] !== "string") {
            const err2 = { instancePath: instancePath + "/subscribeType/" + i0, schemaPath: "asyncapi#/$defs/NotifyType/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/subscribeType", schemaPath: "#/properties/subscribeType/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.confToken !== void 0) {
      if (typeof data.confToken !== "string") {
        const err4 = { instancePath: instancePath + "/confToken", schemaPath: "#/properties/confToken/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.conferenceID !== void 0) {
      if (typeof data.conferenceID !== "string") {
        const err5 = { instancePath: instancePath + "/conferenceID", schemaPath: "#/properties/conferenceID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate97.errors = vErrors;
  return errors === 0;
}
validate97.evaluated = { "props": { "subscribeType": true, "confToken": true, "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
function validate96(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate96.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate97(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);
    errors = vErrors.length;
  }
  validate96.errors = vErrors;
  return errors === 0;
}
validate96.evaluated = { "props": { "subscribeType": true, "confToken": true, "conferenceID": true }, "dynamicProps": false, "dynamicItems": false };
var event_HeartBeatFrame = validate99;
function validate99(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate99.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.sequence === void 0) {
      const err0 = { instancePath, schemaPath: "asyncapi#/$defs/HeartBeatFrame/required", keyword: "required", params: { missingProperty: "sequence" }, message: "must have required property 'sequence'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err1 = { instancePath, schemaPath: "asyncapi#/$defs/HeartBeatFrame/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.sequence !== void 0) {
      if (typeof data.sequence !== "string") {
        const err2 = { instancePath: instancePath + "/sequence", schemaPath: "asyncapi#/$defs/HeartBeatFrame/properties/sequence/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      if ("HeartBeat" !== data.action) {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "asyncapi#/$defs/HeartBeatFrame/properties/action/const", keyword: "const", params: { allowedValue: "HeartBeat" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "asyncapi#/$defs/HeartBeatFrame/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate99.errors = vErrors;
  return errors === 0;
}
validate99.evaluated = { "props": { "sequence": true, "action": true }, "dynamicProps": false, "dynamicItems": false };
var event_ReplyFrame = validate100;
function validate101(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate101.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action !== void 0) {
      if (typeof data.action !== "string") {
        const err1 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.sequence !== void 0) {
      if (typeof data.sequence !== "string") {
        const err2 = { instancePath: instancePath + "/sequence", schemaPath: "#/properties/sequence/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data2 = data.data;
      const _errs6 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs7 = errors;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.returnCode !== void 0) {
          let data3 = data2.returnCode;
          if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
            const err3 = { instancePath: instancePath + "/data/returnCode", schemaPath: "asyncapi#/$defs/ReplyData/properties/returnCode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data2.returnDesc !== void 0) {
          if (typeof data2.returnDesc !== "string") {
            const err4 = { instancePath: instancePath + "/data/returnDesc", schemaPath: "asyncapi#/$defs/ReplyData/properties/returnDesc/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/data", schemaPath: "asyncapi#/$defs/ReplyData/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      var _valid0 = _errs7 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
        var props0 = {};
        props0.returnCode = true;
        props0.returnDesc = true;
      }
      const _errs14 = errors;
      if (typeof data2 !== "string") {
        const err6 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      var _valid0 = _errs14 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err7 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      } else {
        errors = _errs6;
        if (vErrors !== null) {
          if (_errs6) {
            vErrors.length = _errs6;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate101.errors = vErrors;
  return errors === 0;
}
validate101.evaluated = { "props": { "action": true, "sequence": true, "data": true }, "dynamicProps": false, "dynamicItems": false };
function validate100(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate100.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate101(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate101.errors : vErrors.concat(validate101.errors);
    errors = vErrors.length;
  }
  validate100.errors = vErrors;
  return errors === 0;
}
validate100.evaluated = { "props": { "action": true, "sequence": true, "data": true }, "dynamicProps": false, "dynamicItems": false };
var event_ParticipantsNotify = validate103;
var schema165 = { "type": "object", "description": "The participant's fields, string to string; an incremental message holds only the changed keys. Unknown keys are kept as they come.", "additionalProperties": { "type": "string" }, "properties": { "NAME": { "type": "string", "description": "Name or alias, up to 96 characters." }, "TEL": { "type": "string", "description": "The participant's number." }, "ROLE": { "type": "string", "description": '`"1"` host, `"0"` participant, `"2"` audience.' }, "STATE": { "type": "string", "description": '`"0"` in the meeting, `"1"` being called.' }, "HAND": { "type": "string", "description": '`"1"` hand raised, `"0"` lowered.' }, "BROADCAST": { "type": "string", "description": '`"1"` being broadcast, `"0"` not.' }, "ROLLCALL": { "type": "string", "description": '`"1"` has the floor, `"0"` not.' }, "SHARE": { "type": "string", "description": '`"1"` sharing a screen or data, `"0"` not.' }, "ADDTIME": { "type": "string", "description": "When the participant joined, epoch ms." }, "MUTE": { "type": "string", "description": '`"1"` muted, `"0"` not.' }, "VIDEO": { "type": "string", "description": '`"1"` video on, `"0"` off.' } } };
function validate105(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate105.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.pid === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "pid" }, message: "must have required property 'pid'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.pid !== void 0) {
      if (typeof data.pid !== "string") {
        const err1 = { instancePath: instancePath + "/pid", schemaPath: "#/properties/pid/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data1 = data.mode;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err2 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.pinfoMap !== void 0) {
      let data2 = data.pinfoMap;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key0 in data2) {
          if (!func13.call(schema165.properties, key0)) {
            if (typeof data2[key0] !== "string") {
              const err3 = { instancePath: instancePath + "/pinfoMap/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "asyncapi#/$defs/ParticipantInfoMap/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
        }
        if (data2.NAME !== void 0) {
          if (typeof data2.NAME !== "string") {
            const err4 = { instancePath: instancePath + "/pinfoMap/NAME", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/NAME/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data2.TEL !== void 0) {
          if (typeof data2.TEL !== "string") {
            const err5 = { instancePath: instancePath + "/pinfoMap/TEL", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/TEL/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data2.ROLE !== void 0) {
          if (typeof data2.ROLE !== "string") {
            const err6 = { instancePath: instancePath + "/pinfoMap/ROLE", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/ROLE/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data2.STATE !== void 0) {
          if (typeof data2.STATE !== "string") {
            const err7 = { instancePath: instancePath + "/pinfoMap/STATE", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/STATE/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data2.HAND !== void 0) {
          if (typeof data2.HAND !== "string") {
            const err8 = { instancePath: instancePath + "/pinfoMap/HAND", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/HAND/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.BROADCAST !== void 0) {
          if (typeof data2.BROADCAST !== "string") {
            const err9 = { instancePath: instancePath + "/pinfoMap/BROADCAST", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/BROADCAST/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.ROLLCALL !== void 0) {
          if (typeof data2.ROLLCALL !== "string") {
            const err10 = { instancePath: instancePath + "/pinfoMap/ROLLCALL", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/ROLLCALL/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.SHARE !== void 0) {
          if (typeof data2.SHARE !== "string") {
            const err11 = { instancePath: instancePath + "/pinfoMap/SHARE", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/SHARE/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data2.ADDTIME !== void 0) {
          if (typeof data2.ADDTIME !== "string") {
            const err12 = { instancePath: instancePath + "/pinfoMap/ADDTIME", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/ADDTIME/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.MUTE !== void 0) {
          if (typeof data2.MUTE !== "string") {
            const err13 = { instancePath: instancePath + "/pinfoMap/MUTE", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/MUTE/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data2.VIDEO !== void 0) {
          if (typeof data2.VIDEO !== "string") {
            const err14 = { instancePath: instancePath + "/pinfoMap/VIDEO", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/properties/VIDEO/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/pinfoMap", schemaPath: "asyncapi#/$defs/ParticipantInfoMap/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate105.errors = vErrors;
  return errors === 0;
}
validate105.evaluated = { "props": { "pid": true, "mode": true, "pinfoMap": true }, "dynamicProps": false, "dynamicItems": false };
function validate104(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate104.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "asyncapi#/$defs/PushEnvelope/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action !== void 0) {
      if (typeof data.action !== "string") {
        const err1 = { instancePath: instancePath + "/action", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data1 = data.version;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err2 = { instancePath: instancePath + "/version", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/version/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (!formats6.validate(data1)) {
          const err3 = { instancePath: instancePath + "/version", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/version/format", keyword: "format", params: { format: "int64" }, message: 'must match format "int64"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
    }
    if (data.createTime !== void 0) {
      let data2 = data.createTime;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err4 = { instancePath: instancePath + "/createTime", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/createTime/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (!formats6.validate(data2)) {
          const err5 = { instancePath: instancePath + "/createTime", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/createTime/format", keyword: "format", params: { format: "int64" }, message: 'must match format "int64"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.msgID !== void 0) {
      if (typeof data.msgID !== "string") {
        const err6 = { instancePath: instancePath + "/msgID", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/msgID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.msgMode !== void 0) {
      let data4 = data.msgMode;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err7 = { instancePath: instancePath + "/msgMode", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/msgMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.confID !== void 0) {
      if (typeof data.confID !== "string") {
        const err8 = { instancePath: instancePath + "/confID", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/confID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "asyncapi#/$defs/PushEnvelope/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action !== void 0) {
      if ("ParticipantsNotify" !== data.action) {
        const err10 = { instancePath: instancePath + "/action", schemaPath: "#/allOf/1/properties/action/const", keyword: "const", params: { allowedValue: "ParticipantsNotify" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data7 = data.data;
      const _errs19 = errors;
      let valid4 = false;
      let passing0 = null;
      const _errs20 = errors;
      if (Array.isArray(data7)) {
        const len0 = data7.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate105(data7[i0], { instancePath: instancePath + "/data/" + i0, parentData: data7, parentDataProperty: i0, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate105.errors : vErrors.concat(validate105.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/data", schemaPath: "#/allOf/1/properties/data/oneOf/0/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      var _valid0 = _errs20 === errors;
      if (_valid0) {
        valid4 = true;
        passing0 = 0;
      }
      const _errs23 = errors;
      if (typeof data7 !== "string") {
        const err12 = { instancePath: instancePath + "/data", schemaPath: "#/allOf/1/properties/data/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      var _valid0 = _errs23 === errors;
      if (_valid0 && valid4) {
        valid4 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid4 = true;
          passing0 = 1;
        }
      }
      if (!valid4) {
        const err13 = { instancePath: instancePath + "/data", schemaPath: "#/allOf/1/properties/data/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      } else {
        errors = _errs19;
        if (vErrors !== null) {
          if (_errs19) {
            vErrors.length = _errs19;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err14 = { instancePath, schemaPath: "#/allOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate104.errors = vErrors;
  return errors === 0;
}
validate104.evaluated = { "props": { "action": true, "data": true, "version": true, "createTime": true, "msgID": true, "msgMode": true, "confID": true }, "dynamicProps": false, "dynamicItems": false };
function validate103(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate103.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate104(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
    errors = vErrors.length;
  }
  validate103.errors = vErrors;
  return errors === 0;
}
validate103.evaluated = { "props": { "action": true, "data": true, "version": true, "createTime": true, "msgID": true, "msgMode": true, "confID": true }, "dynamicProps": false, "dynamicItems": false };
var event_ConfDynamicInfoNotify = validate108;
function validate109(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate109.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "asyncapi#/$defs/PushEnvelope/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.action !== void 0) {
      if (typeof data.action !== "string") {
        const err1 = { instancePath: instancePath + "/action", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data1 = data.version;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err2 = { instancePath: instancePath + "/version", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/version/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (!formats6.validate(data1)) {
          const err3 = { instancePath: instancePath + "/version", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/version/format", keyword: "format", params: { format: "int64" }, message: 'must match format "int64"' };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
    }
    if (data.createTime !== void 0) {
      let data2 = data.createTime;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err4 = { instancePath: instancePath + "/createTime", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/createTime/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (!formats6.validate(data2)) {
          const err5 = { instancePath: instancePath + "/createTime", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/createTime/format", keyword: "format", params: { format: "int64" }, message: 'must match format "int64"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.msgID !== void 0) {
      if (typeof data.msgID !== "string") {
        const err6 = { instancePath: instancePath + "/msgID", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/msgID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.msgMode !== void 0) {
      let data4 = data.msgMode;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err7 = { instancePath: instancePath + "/msgMode", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/msgMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.confID !== void 0) {
      if (typeof data.confID !== "string") {
        const err8 = { instancePath: instancePath + "/confID", schemaPath: "asyncapi#/$defs/PushEnvelope/properties/confID/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "asyncapi#/$defs/PushEnvelope/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.state !== void 0) {
      if (typeof data.state !== "string") {
        const err10 = { instancePath: instancePath + "/state", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.endTime !== void 0) {
      if (typeof data.endTime !== "string") {
        const err11 = { instancePath: instancePath + "/endTime", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/endTime/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      if (typeof data.mode !== "string") {
        const err12 = { instancePath: instancePath + "/mode", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.lock !== void 0) {
      let data9 = data.lock;
      if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
        const err13 = { instancePath: instancePath + "/lock", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/lock/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.mute !== void 0) {
      let data10 = data.mute;
      if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
        const err14 = { instancePath: instancePath + "/mute", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/mute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.lockSharing !== void 0) {
      let data11 = data.lockSharing;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
        const err15 = { instancePath: instancePath + "/lockSharing", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/lockSharing/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.canUnmute !== void 0) {
      let data12 = data.canUnmute;
      if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
        const err16 = { instancePath: instancePath + "/canUnmute", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/canUnmute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.callInRestriction !== void 0) {
      let data13 = data.callInRestriction;
      if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
        const err17 = { instancePath: instancePath + "/callInRestriction", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/callInRestriction/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "asyncapi#/$defs/ConfDynamicInfo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action !== void 0) {
      if ("ConfDynamicInfoNotify" !== data.action) {
        const err19 = { instancePath: instancePath + "/action", schemaPath: "#/allOf/2/properties/action/const", keyword: "const", params: { allowedValue: "ConfDynamicInfoNotify" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data15 = data.data;
      const _errs38 = errors;
      let valid6 = false;
      let passing0 = null;
      const _errs39 = errors;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (data15.state !== void 0) {
          if (typeof data15.state !== "string") {
            const err20 = { instancePath: instancePath + "/data/state", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data15.endTime !== void 0) {
          if (typeof data15.endTime !== "string") {
            const err21 = { instancePath: instancePath + "/data/endTime", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/endTime/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data15.mode !== void 0) {
          if (typeof data15.mode !== "string") {
            const err22 = { instancePath: instancePath + "/data/mode", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data15.lock !== void 0) {
          let data19 = data15.lock;
          if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
            const err23 = { instancePath: instancePath + "/data/lock", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/lock/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data15.mute !== void 0) {
          let data20 = data15.mute;
          if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
            const err24 = { instancePath: instancePath + "/data/mute", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/mute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data15.lockSharing !== void 0) {
          let data21 = data15.lockSharing;
          if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
            const err25 = { instancePath: instancePath + "/data/lockSharing", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/lockSharing/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data15.canUnmute !== void 0) {
          let data22 = data15.canUnmute;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err26 = { instancePath: instancePath + "/data/canUnmute", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/canUnmute/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data15.callInRestriction !== void 0) {
          let data23 = data15.callInRestriction;
          if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
            const err27 = { instancePath: instancePath + "/data/callInRestriction", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/properties/callInRestriction/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/data", schemaPath: "asyncapi#/$defs/ConfDynamicInfo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      var _valid0 = _errs39 === errors;
      if (_valid0) {
        valid6 = true;
        passing0 = 0;
        var props0 = {};
        props0.state = true;
        props0.endTime = true;
        props0.mode = true;
        props0.lock = true;
        props0.mute = true;
        props0.lockSharing = true;
        props0.canUnmute = true;
        props0.callInRestriction = true;
      }
      const _errs58 = errors;
      if (typeof data15 !== "string") {
        const err29 = { instancePath: instancePath + "/data", schemaPath: "#/allOf/2/properties/data/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      var _valid0 = _errs58 === errors;
      if (_valid0 && valid6) {
        valid6 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid6 = true;
          passing0 = 1;
        }
      }
      if (!valid6) {
        const err30 = { instancePath: instancePath + "/data", schemaPath: "#/allOf/2/properties/data/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      } else {
        errors = _errs38;
        if (vErrors !== null) {
          if (_errs38) {
            vErrors.length = _errs38;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err31 = { instancePath, schemaPath: "#/allOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err31];
    } else {
      vErrors.push(err31);
    }
    errors++;
  }
  validate109.errors = vErrors;
  return errors === 0;
}
validate109.evaluated = { "props": { "action": true, "data": true, "state": true, "endTime": true, "mode": true, "lock": true, "mute": true, "lockSharing": true, "canUnmute": true, "callInRestriction": true, "version": true, "createTime": true, "msgID": true, "msgMode": true, "confID": true }, "dynamicProps": false, "dynamicItems": false };
function validate108(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate108.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!validate109(data, { instancePath, parentData, parentDataProperty, rootData, dynamicAnchors })) {
    vErrors = vErrors === null ? validate109.errors : vErrors.concat(validate109.errors);
    errors = vErrors.length;
  }
  validate108.errors = vErrors;
  return errors === 0;
}
validate108.evaluated = { "props": { "action": true, "data": true, "state": true, "endTime": true, "mode": true, "lock": true, "mute": true, "lockSharing": true, "canUnmute": true, "callInRestriction": true, "version": true, "createTime": true, "msgID": true, "msgMode": true, "confID": true }, "dynamicProps": false, "dynamicItems": false };
var operations = {
  "inviteShare": {
    "method": "PUT",
    "path": "/v1/mmc/control/conferences/participants/share/invite",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "participantID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "share"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "createConfToken": {
    "method": "GET",
    "path": "/v1/mmc/control/conferences/token",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Password",
        "in": "header",
        "required": false,
        "type": "string"
      },
      {
        "name": "X-Login-Type",
        "in": "header",
        "required": true,
        "type": "integer"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": false,
        "type": "string"
      },
      {
        "name": "X-Nonce",
        "in": "header",
        "required": false,
        "type": "string"
      }
    ],
    "body": null,
    "responses": {
      "200": "json",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "showRealTimeInfoOfMeeting": {
    "method": "GET",
    "path": "/v1/mmc/control/conferences/realTimeInfo",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": null,
    "responses": {
      "200": "json",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "updateStartedConfConfig": {
    "method": "PUT",
    "path": "/v1/mmc/control/conferences/updateStartedConfConfig",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "lockSharing",
        "freeShare",
        "isLock",
        "callInRestriction",
        "audienceCallInRestriction",
        "allowUnmuteByOneself",
        "chatPermission",
        "allowOpenCamera",
        "allowRename",
        "clientRecMode"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "createWebSocketToken": {
    "method": "GET",
    "path": "/v1/mmc/control/conferences/wsToken",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": null,
    "responses": {
      "200": "json",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "muteParticipant": {
    "method": "PUT",
    "path": "/v1/mmc/control/conferences/participants/mute",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "participantID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "isMute"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "muteMeeting": {
    "method": "PUT",
    "path": "/v1/mmc/control/conferences/mute",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "isMute",
        "allowUnmuteByOneself"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "hangUp": {
    "method": "POST",
    "path": "/v1/mmc/control/conferences/participants/delete",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "bulkHangUpParticipants"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "renameParticipant": {
    "method": "PUT",
    "path": "/v1/mmc/control/conferences/participants/name",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": {
      "required": true,
      "fields": [
        "participantID",
        "number",
        "newName"
      ]
    },
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  },
  "deleteLayout": {
    "method": "DELETE",
    "path": "/v1/mmc/control/conferences/layOut",
    "parameters": [
      {
        "name": "conferenceID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "uuID",
        "in": "query",
        "required": true,
        "type": "string"
      },
      {
        "name": "X-Conference-Authorization",
        "in": "header",
        "required": true,
        "type": "string"
      }
    ],
    "body": null,
    "responses": {
      "200": "empty",
      "400": "json",
      "401": "json",
      "403": "json",
      "500": "json"
    }
  }
};
export {
  createConfToken_200,
  createConfToken_400,
  createConfToken_401,
  createConfToken_403,
  createConfToken_500,
  createConfToken_header,
  createConfToken_query,
  createWebSocketToken_200,
  createWebSocketToken_400,
  createWebSocketToken_401,
  createWebSocketToken_403,
  createWebSocketToken_500,
  createWebSocketToken_header,
  createWebSocketToken_query,
  deleteLayout_400,
  deleteLayout_401,
  deleteLayout_403,
  deleteLayout_500,
  deleteLayout_header,
  deleteLayout_query,
  event_ConfDynamicInfoNotify,
  event_HeartBeatFrame,
  event_ParticipantsNotify,
  event_ReplyFrame,
  event_SubscribeData,
  event_SubscribeFrame,
  hangUp_400,
  hangUp_401,
  hangUp_403,
  hangUp_500,
  hangUp_body,
  hangUp_header,
  hangUp_query,
  inviteShare_400,
  inviteShare_401,
  inviteShare_403,
  inviteShare_500,
  inviteShare_body,
  inviteShare_header,
  inviteShare_query,
  muteMeeting_400,
  muteMeeting_401,
  muteMeeting_403,
  muteMeeting_500,
  muteMeeting_body,
  muteMeeting_header,
  muteMeeting_query,
  muteParticipant_400,
  muteParticipant_401,
  muteParticipant_403,
  muteParticipant_500,
  muteParticipant_body,
  muteParticipant_header,
  muteParticipant_query,
  operations,
  renameParticipant_400,
  renameParticipant_401,
  renameParticipant_403,
  renameParticipant_500,
  renameParticipant_body,
  renameParticipant_header,
  renameParticipant_query,
  showRealTimeInfoOfMeeting_200,
  showRealTimeInfoOfMeeting_400,
  showRealTimeInfoOfMeeting_401,
  showRealTimeInfoOfMeeting_403,
  showRealTimeInfoOfMeeting_500,
  showRealTimeInfoOfMeeting_header,
  showRealTimeInfoOfMeeting_query,
  updateStartedConfConfig_400,
  updateStartedConfConfig_401,
  updateStartedConfConfig_403,
  updateStartedConfConfig_500,
  updateStartedConfConfig_body,
  updateStartedConfConfig_header,
  updateStartedConfConfig_query
};
