/**
 * Errors shaped like the ones Office.js throws (`OfficeExtension.Error`, name "RichApi.Error").
 * Messages for client-side errors are the en-US strings shipped in office.js
 * (`office_strings.js`); server-side messages are the ones Excel returns.
 */

/** `OfficeExtension.ErrorCodes` plus the Excel server codes this host raises. */
export const HostErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  invalidArgument: "InvalidArgument",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  notImplemented: "NotImplemented",
  unsupportedOperation: "UnsupportedOperation",
  rangeExceedsLimit: "RangeExceedsLimit",
} as const;

export interface HostDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  toString(): string;
}

const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  ConnectionFailure: 500,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/**
 * Same observable shape as OfficeExtension.Error: `name === "RichApi.Error"`, `code`, `message`,
 * `debugInfo` (with `errorLocation`), `traceMessages`, `innerError`, `httpStatusCode`.
 */
export class RichApiError extends Error {
  code: string;
  debugInfo: HostDebugInfo;
  traceMessages: string[] = [];
  innerError: RichApiError | null = null;
  httpStatusCode: number;
  data: unknown;

  constructor(code: string, message: string, errorLocation?: string, statement?: string) {
    super(message);
    Object.setPrototypeOf(this, RichApiError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    const info: HostDebugInfo = {
      code,
      message,
      toString() {
        return JSON.stringify(this);
      },
    };
    if (errorLocation) info.errorLocation = errorLocation;
    if (statement) info.statement = statement;
    this.debugInfo = info;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function isRichApiError(e: unknown): e is RichApiError {
  return e instanceof RichApiError;
}

// --- Client-side errors (thrown synchronously by the proxy layer, like office.js does) ---

export function propertyNotLoaded(property: string, typeName?: string): RichApiError {
  return new RichApiError(
    HostErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    typeName ? `${typeName}.${property}` : undefined,
  );
}

export function valueNotLoaded(): RichApiError {
  return new RichApiError(
    HostErrorCodes.valueNotLoaded,
    `The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.`,
    "ClientResult.value",
  );
}

export function invalidRequestContext(location?: string): RichApiError {
  return new RichApiError(
    HostErrorCodes.invalidRequestContext,
    "Cannot use the object across different request contexts.",
    location,
  );
}

export function runMustReturnPromise(): RichApiError {
  return new RichApiError(
    HostErrorCodes.runMustReturnPromise,
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
    "Excel.run",
  );
}

// --- Server-side errors (raised while a batch executes in sync()) ---

/** A server-side error with Excel's message for `code`, plus an optional detail in parentheses. */
function serverError(code: string, base: string): (location?: string, detail?: string) => RichApiError {
  return (location, detail) => new RichApiError(code, detail ? `${base} (${detail})` : base, location);
}

export const invalidArgument = serverError(HostErrorCodes.invalidArgument, "The argument is invalid or missing or has an incorrect format.");
export const itemNotFound = serverError(HostErrorCodes.itemNotFound, "The requested resource doesn't exist.");
export const itemAlreadyExists = serverError(HostErrorCodes.itemAlreadyExists, "The resource with the same name or identifier already exists.");
export const invalidOperation = serverError(HostErrorCodes.invalidOperation, "The operation is invalid for the object's current state.");

export function invalidObjectPath(location?: string): RichApiError {
  return new RichApiError(
    HostErrorCodes.invalidObjectPath,
    `The object path '${location ?? ""}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    location,
  );
}

/** A range with more cells than one read or write may touch (`detail` says which limit). */
export function rangeExceedsLimit(detail: string, location?: string): RichApiError {
  return new RichApiError(
    HostErrorCodes.rangeExceedsLimit,
    `The cell count in the range has exceeded the maximum supported number. (${detail})`,
    location,
  );
}

/** Raised for real Office.js API members that this in-memory host does not implement. */
export function hostNotImplemented(member: string): RichApiError {
  return new RichApiError(
    HostErrorCodes.notImplemented,
    `Function ${member} is not implemented. (GradeKit in-memory Excel host: this member exists in Office.js but is not implemented here; extend src/host if the add-in needs it.)`,
    member,
  );
}

export function requestPayloadTooLarge(bytes: number, limit: number): RichApiError {
  return new RichApiError(
    HostErrorCodes.requestPayloadSizeLimitExceeded,
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (request ${bytes} bytes > limit ${limit} bytes)`,
  );
}

export function responsePayloadTooLarge(bytes: number, limit: number): RichApiError {
  return new RichApiError(
    HostErrorCodes.responsePayloadSizeLimitExceeded,
    `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (response ${bytes} bytes > limit ${limit} bytes)`,
  );
}
