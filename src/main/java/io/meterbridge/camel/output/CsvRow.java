package io.meterbridge.camel.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Turns a reading (its JSON text, or a map) into one CSV line (RFC 4180, written by Apache
 * Commons CSV: comma separated, quoted where needed, quotes doubled, CRLF ends the line) with the columns
 * named in the {@code csv.columns} property ({@code p1.csv.columns} for electricity readings), in that order; nested objects are addressed with
 * dots ({@code a.b}). A column the reading lacks is left empty. When the target file
 * is new or empty, the header line comes first, so every day's file is self-describing.
 */
public final class CsvRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param body    the reading: JSON text or a {@code Map}
     * @param target  the file the line will be appended to (for the header decision)
     * @param columns comma-separated column names
     */
    public String row(Object body, String target, String columns) throws IOException {
        return withHeader(record(body, columns), target, columns);
    }

    /**
     * The reading as one CSV record (ending in CRLF) of the named columns.
     *
     * @param body    the reading: JSON text or a {@code Map}
     * @param columns comma-separated column names
     */
    public String record(Object body, String columns) throws IOException {
        List<String> names = names(columns);
        Map<String, String> flat = flatten(body instanceof String s ? JSON.readTree(s) : JSON.valueToTree(body));
        List<String> values = new ArrayList<>(names.size());
        for (String n : names) {
            values.add(flat.getOrDefault(n, ""));
        }
        return print(values);
    }

    /** The record, after the line of column names if {@code target} is new or empty. */
    public String withHeader(String record, String target, String columns) throws IOException {
        Path file = Path.of(target);
        return !Files.exists(file) || Files.size(file) == 0 ? print(names(columns)) + record : record;
    }

    private static List<String> names(String columns) {
        List<String> names = Arrays.stream(columns.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("csv.columns is empty: name the reading fields to write, e.g. read_at,meter_key,heat_energy_kwh");
        }
        return names;
    }

    private static String print(List<String> values) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(values);
        }
        return out.toString();
    }

    /**
     * The reading's {@code type} ({@code heat}, {@code electricity}, {@code generic}), or
     * {@code ""} if it has none, so a route can give each kind its own file and columns: the
     * columns of a heat meter would leave every value of an electricity meter empty.
     */
    public String type(Object body) throws IOException {
        JsonNode node = body instanceof String s ? JSON.readTree(s) : JSON.valueToTree(body);
        JsonNode type = node == null ? null : node.get("type");
        return type == null || !type.isTextual() ? "" : type.asText();
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            out.put(prefix, node.toString());
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.put(prefix, node.asText());
        }
    }
}
