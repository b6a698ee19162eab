package io.slotraft.admin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.slotraft.proto.v1.ProposeReply;
import java.io.PrintWriter;
import java.util.List;

/**
 * How {@code --json} documents are written: one document, indented, absent values as {@code null}
 * so that every field a document type has is always there. Field names are snake_case, as in
 * meta.proto, and never change once released; new fields may be added.
 */
final class Json {
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
      .create();
  /** For {@code --watch}: one document per line. */
  private static final Gson LINE = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  static void print(PrintWriter out, JsonElement document) {
    out.println(PRETTY.toJson(document));
    out.flush();
  }

  static void printLine(PrintWriter out, JsonElement document) {
    out.println(LINE.toJson(document));
    out.flush();
  }

  /**
   * A node as {@code "from": "n1", "from_node_id": "41b4..."}: the name for people, the id for
   * scripts (a name can be given again to a later member).
   */
  static void node(JsonObject json, String field, String nodeId, MetaView view) {
    json.addProperty(field, view.name(nodeId));
    json.addProperty(field + "_node_id", nodeId);
  }

  /** Meta's answer to a proposal: {@code changed}, {@code description}, {@code epoch}, {@code operation_id}. */
  static JsonObject reply(ProposeReply reply) {
    JsonObject json = new JsonObject();
    json.addProperty("changed", reply.getChanged());
    json.addProperty("description", reply.getDescription());
    json.addProperty("epoch", reply.getEpoch());
    json.addProperty("operation_id", reply.getOperationId());
    return json;
  }

  static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }
}
