/**
 * Errors as office.js raises them: a `RichApi.Error` whose `code` is one of Excel's error codes
 * (docs/testing/application-specific-api-error-handling.md). Gateways switch on `code`.
 */
export type FakeErrorCode =
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException";

export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: FakeErrorCode,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function notLoaded(property: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Writing to a protected sheet fails (Review → Protect Sheet). */
export function guardWrite(s: { readonly protected: boolean; readonly name: string }): void {
  if (s.protected) throw new FakeRichApiError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ('${s.name}').`);
}
