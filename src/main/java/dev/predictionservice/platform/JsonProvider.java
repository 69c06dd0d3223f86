package dev.predictionservice.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.fasterxml.jackson.jakarta.rs.json.JsonEndpointConfig;
import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON binding for the API, strict on purpose: no string-to-number or number-to-string coercion, no fractions for
 * integers, no unknown fields, no key twice in one object. A violation becomes a 400 naming the field (see
 * JsonExceptionMapper). Bodies are UTF-8 (RFC 8259): another declared charset is refused with 415, not misread.
 * Responses carry a Content-Length instead of being sent chunked.
 *
 * <p>The endpoint configuration (the reader or writer Jackson derives for a call) is cached per Java type, not per
 * type and annotations as Jackson's provider does: its cache key hashes every annotation of the resource method on
 * every call, OpenAPI's nested ones with all their strings (profiled: 3.9 % of a request thread's CPU on
 * {@code /predict} at 64 connections, bench/README.md). The annotations could only change the configuration through
 * Jackson's endpoint annotations ({@code @JsonView}, {@code @JsonRootName}, {@code @JacksonFeatures}), which this API
 * does not use (JsonProviderTest checks the resources for them).
 */
@Provider
@Priority(Priorities.USER - 100)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {

  static final ObjectMapper MAPPER = strictMapper();
  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  private final Map<Class<?>, JsonEndpointConfig> readers = new ConcurrentHashMap<>();
  private final Map<Class<?>, JsonEndpointConfig> writers = new ConcurrentHashMap<>();

  public JsonProvider() {
    super(MAPPER);
  }

  /**
   * Reads a JSON tree with the same strict rules, for a body an endpoint takes as text (one that must also accept no
   * body or no Content-Type); an empty body is a missing node. A syntax error is answered like any other (400).
   */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    return json == null || json.isBlank() ? MissingNode.getInstance()
        : MAPPER.readTree(json);
  }

  /**
   * Serialises into a buffer first so that the response carries a Content-Length: streamed, Jackson's flush made
   * Liberty commit the headers early and send the body chunked (headers, chunk, then the terminating chunk at close).
   * Every response body of this API is small enough to buffer.
   */
  @Override
  public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    super.writeTo(value, type, genericType, annotations, mediaType, httpHeaders, body);
    httpHeaders.putSingle(HttpHeaders.CONTENT_LENGTH, body.size());
    body.writeTo(entityStream);
  }

  @Override
  public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
    String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
      throw new NotSupportedException();
    }
    try {
      return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, entityStream);
    } catch (JsonProcessingException e) {
      throw e; // JsonExceptionMapper
    } catch (IOException e) {
      // The body's framing is broken (a chunk size that is no number, a connection cut short): the caller's fault.
      throw new BadRequestException("The body could not be read: check its Content-Length or chunked encoding", e);
    }
  }

  @Override
  protected JsonEndpointConfig _endpointForWriting(Object value, Class<?> type, Type genericType,
      Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, Object> httpHeaders) {
    JsonEndpointConfig cached = writers.get(type);
    if (cached == null) {
      cached = super._endpointForWriting(value, type, genericType, NO_ANNOTATIONS, mediaType, httpHeaders);
      writers.putIfAbsent(type, cached);
    }
    return cached;
  }

  @Override
  protected JsonEndpointConfig _endpointForReading(Class<Object> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, String> httpHeaders) {
    JsonEndpointConfig cached = readers.get(type);
    if (cached == null) {
      cached = super._endpointForReading(type, genericType, NO_ANNOTATIONS, mediaType, httpHeaders);
      readers.putIfAbsent(type, cached);
    }
    return cached;
  }

  static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // {"age": 35, "age": 36} is ambiguous: refused, not "last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Doubles written with Jackson's Schubfach instead of JDK 17's Double.toString (FloatingDecimal: 6.5 % of
            // a 1000-row batch's request thread, bench/README.md): the shortest text that reads back as the same
            // double, as Double.toString gives from JDK 19 on.
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    // Numbers and booleans are not text: {"category": 5} is a type error, not "5".
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("strict-numbers").addDeserializer(Double.class, new StrictDoubleDeserializer()));
    return mapper;
  }
}
