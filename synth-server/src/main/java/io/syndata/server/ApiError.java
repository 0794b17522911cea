package io.syndata.server;

/**
 * A request the server refuses: answered as {@code {"error": code, "detail": detail}} with the
 * status, never with a stack trace.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;

  ApiError(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badRequest(String code, String detail) {
    return new ApiError(400, code, detail);
  }

  static ApiError notFound(String detail) {
    return new ApiError(404, "not_found", detail);
  }

  static ApiError conflict(String detail) {
    return new ApiError(409, "conflict", detail);
  }
}
