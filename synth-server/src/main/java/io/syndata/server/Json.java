package io.syndata.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** The server's one JSON mapper (the project's Jackson), also Javalin's. */
final class Json implements JsonMapper {
  static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  @Override
  public String toJsonString(Object obj, Type type) {
    return write(obj);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return MAPPER.readValue(json, MAPPER.constructType(type));
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(
          "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serializable: " + value.getClass(), e);
    }
  }

  static JsonNode read(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(
          "invalid_json", what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
