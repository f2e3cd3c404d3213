package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.transforms.secrets.SecretReference;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/**
 * How a lake reaches its Apache Iceberg catalog. The embedded default needs no server: Iceberg's Hadoop
 * catalog with its warehouse at the lake root, committing by renaming metadata files under a file lock,
 * which is safe on a local or shared POSIX filesystem. Any other catalog is chosen by Iceberg catalog
 * properties ({@code type=jdbc}, {@code type=rest}, {@code catalog-impl=...}: whatever
 * {@code CatalogUtil} can load with the classes on the class path).
 *
 * <p>Object stores need a catalog with atomic commits: a lake on {@code gs://} with the Hadoop catalog is
 * refused, since Cloud Storage has no atomic rename. Properties may hold credentials (a JDBC password, a
 * REST token): given as a reference to a properties file or a secret, only the reference is kept and
 * serialised with a pipeline, and each JVM reads the properties when it first loads the catalog.
 * {@link #toString} shows the catalog's type and where it is, never a credential.
 */
public final class LakeCatalog implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final String NAME = "carelake";
  private static final int MAX_PROPERTIES_BYTES = 64 * 1024;
  private static final Map<LakeCatalog, Catalog> LOADED = new ConcurrentHashMap<>();
  /** Properties by lake root and spec, read once per JVM (a runner may deserialise a step per bundle). */
  private static final Map<String, Map<String, String>> RESOLVED = new ConcurrentHashMap<>();

  private final String root;
  /** Blank (embedded), inline {@code key=value,...}, or a reference to a properties file. */
  private final String spec;
  private transient volatile Map<String, String> properties;

  private LakeCatalog(String root, String spec) {
    this.root = root;
    this.spec = spec;
  }

  /** The embedded catalog of a lake at {@code root} (a normalised lake root). */
  static LakeCatalog embedded(String root) {
    return parse(root, "");
  }

  /**
   * The catalog that {@code spec} describes for a lake at {@code root}: blank for the embedded catalog;
   * inline properties, {@code key=value,key=value}; or a reference to a Java properties file (a path on a
   * Beam filesystem, {@code file:<path>} or {@code gcpsecret:projects/<p>/secrets/<s>/versions/<v>}). The
   * properties are read and checked now, and again on each JVM that loads the catalog.
   */
  static LakeCatalog parse(String root, String spec) {
    LakeCatalog catalog = new LakeCatalog(root, spec == null ? "" : spec.strip());
    catalog.properties();
    return catalog;
  }

  /** The catalog properties, read from the reference on first use in this JVM. */
  Map<String, String> properties() {
    Map<String, String> resolved = properties;
    if (resolved == null) {
      resolved = RESOLVED.computeIfAbsent(root + "\n" + spec, key -> resolve(root, spec));
      properties = resolved;
    }
    return resolved;
  }

  private static Map<String, String> resolve(String root, String spec) {
    Map<String, String> properties;
    if (spec.isEmpty()) {
      properties = new TreeMap<>(Map.of(CatalogUtil.ICEBERG_CATALOG_TYPE, CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP));
    } else {
      properties = spec.contains("=") ? inline(spec) : fromReference(spec);
    }
    checkArgument(properties.containsKey(CatalogUtil.ICEBERG_CATALOG_TYPE)
            || properties.containsKey(CatalogProperties.CATALOG_IMPL),
        "catalog properties need 'type' (hadoop, jdbc, rest, hive, glue, nessie) or 'catalog-impl'");
    String type = properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE);
    if (CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP.equals(type)) {
      String warehouse = properties.computeIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, key -> root);
      checkArgument(!isObjectStore(warehouse),
          "a lake on %s needs a catalog with atomic commits (--catalog=type=jdbc,... or type=rest,...): the"
              + " embedded (hadoop) catalog commits by renaming files, which object stores do not do atomically",
          warehouse);
      if (isLocal(warehouse)) {
        properties.putIfAbsent(CatalogProperties.LOCK_IMPL, FileLockManager.class.getName());
      }
    } else if (!CatalogUtil.ICEBERG_CATALOG_TYPE_REST.equals(type)) {
      // A REST catalog names its warehouse and hands out its own file IO; other catalogs keep tables under
      // the lake root, and on Cloud Storage read and write with Iceberg's GCS file IO.
      properties.putIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, root);
      if (root.startsWith("gs://")) {
        properties.putIfAbsent(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.gcp.gcs.GCSFileIO");
      }
    }
    return Map.copyOf(properties);
  }

  private static Map<String, String> inline(String spec) {
    Map<String, String> properties = new TreeMap<>();
    String[] pairs = spec.split(",");
    for (int i = 0; i < pairs.length; i++) {
      int equals = pairs[i].indexOf('=');
      // The pair is not shown: it may be the tail of a password with a comma in it.
      checkArgument(equals > 0, "catalog property %s of %s is not key=value (values cannot hold commas inline:"
          + " use a properties file)", i + 1, pairs.length);
      properties.put(pairs[i].substring(0, equals).strip(), pairs[i].substring(equals + 1).strip());
    }
    return properties;
  }

  private static Map<String, String> fromReference(String reference) {
    byte[] bytes;
    try {
      bytes = SecretReference.parse("catalog properties", reference).read(MAX_PROPERTIES_BYTES);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read catalog properties " + reference + ": " + e.getMessage(), e);
    }
    Properties loaded = new Properties();
    try {
      loaded.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("catalog properties " + reference + " are not a properties file");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    Map<String, String> properties = new TreeMap<>();
    loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name).strip()));
    return properties;
  }

  private static boolean isObjectStore(String location) {
    return location.matches("^(gs|s3a?|abfss?|wasbs?|oss)://.*");
  }

  private static boolean isLocal(String location) {
    return !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || location.startsWith("file:");
  }

  /** The catalog, loaded once per JVM: workers of one pipeline share it. */
  Catalog load() {
    return LOADED.computeIfAbsent(this, catalog ->
        CatalogUtil.buildIcebergCatalog(NAME, catalog.properties(), new Configuration()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LakeCatalog catalog && catalog.root.equals(root) && catalog.spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, spec);
  }

  /**
   * The catalog's type or implementation and the scheme, host and path of its URI: no user, password,
   * query parameters or other property, which may hold credentials.
   */
  @Override
  public String toString() {
    Map<String, String> resolved = properties();
    String type = resolved.getOrDefault(CatalogUtil.ICEBERG_CATALOG_TYPE, resolved.get(CatalogProperties.CATALOG_IMPL));
    String uri = resolved.get(CatalogProperties.URI);
    return uri == null ? type : type + " " + uri.replaceAll("//[^/@]*@", "//").replaceAll("[?;].*$", "");
  }
}
