package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.transforms.secrets.SecretReference;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
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
 * {@code CatalogUtil} can load with the classes on the class path); its warehouse defaults to the lake
 * root.
 *
 * <p>Object stores need a catalog with atomic commits: a lake on {@code gs://} with the embedded catalog
 * is refused, since Cloud Storage has no atomic rename. Properties may hold credentials (a JDBC password, a
 * REST token): pass them as a reference to a properties file or a secret rather than inline, since
 * runners display option values; {@link #toString} shows only the catalog's type.
 */
public final class LakeCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "carelake";
  private static final int MAX_PROPERTIES_BYTES = 64 * 1024;
  private static final Map<LakeCatalog, Catalog> LOADED = new ConcurrentHashMap<>();

  private final TreeMap<String, String> properties;

  private LakeCatalog(Map<String, String> properties) {
    this.properties = new TreeMap<>(properties);
  }

  /** The embedded catalog of a lake at {@code root} (a normalised lake root). */
  static LakeCatalog embedded(String root) {
    checkArgument(!isObjectStore(root),
        "a lake on %s needs a catalog with atomic commits (--catalog=type=jdbc,... or type=rest,...): the embedded"
            + " catalog commits by renaming files, which object stores do not do atomically", root);
    return new LakeCatalog(Map.of(
        CatalogUtil.ICEBERG_CATALOG_TYPE, CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP,
        CatalogProperties.WAREHOUSE_LOCATION, root,
        CatalogProperties.LOCK_IMPL, FileLockManager.class.getName()));
  }

  /**
   * The catalog that {@code spec} describes for a lake at {@code root}: blank for the embedded catalog;
   * inline properties, {@code key=value,key=value}; or a reference to a Java properties file (a path on a
   * Beam filesystem, {@code file:<path>} or {@code gcpsecret:projects/<p>/secrets/<s>/versions/<v>}).
   */
  static LakeCatalog parse(String root, String spec) {
    if (spec == null || spec.isBlank()) {
      return embedded(root);
    }
    Map<String, String> properties = spec.contains("=") ? inline(spec) : fromReference(spec.strip());
    checkArgument(properties.containsKey(CatalogUtil.ICEBERG_CATALOG_TYPE)
            || properties.containsKey(CatalogProperties.CATALOG_IMPL),
        "catalog properties need 'type' (hadoop, jdbc, rest, hive, glue, nessie) or 'catalog-impl'");
    if (CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE))) {
      checkArgument(!isObjectStore(properties.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, root)),
          "the hadoop catalog commits by renaming files, which object stores do not do atomically: use a jdbc or"
              + " rest catalog for a lake on %s", root);
      properties.putIfAbsent(CatalogProperties.LOCK_IMPL, FileLockManager.class.getName());
    }
    properties.putIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, root);
    if (root.startsWith("gs://")) {
      properties.putIfAbsent(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.gcp.gcs.GCSFileIO");
    }
    return new LakeCatalog(properties);
  }

  private static Map<String, String> inline(String spec) {
    Map<String, String> properties = new TreeMap<>();
    for (String pair : spec.split(",")) {
      int equals = pair.indexOf('=');
      checkArgument(equals > 0, "catalog property '%s' is not key=value", pair.strip());
      properties.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
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
    } catch (IOException e) {
      throw new IllegalArgumentException("catalog properties " + reference + " are not a properties file", e);
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

  /** The catalog, loaded once per JVM: workers of one pipeline share it. */
  Catalog load() {
    return LOADED.computeIfAbsent(this, catalog ->
        CatalogUtil.buildIcebergCatalog(NAME, catalog.properties, new Configuration()));
  }

  /** Whether this is the Hadoop catalog, whose tables live at {@code <warehouse>/<zone>/<name>}. */
  boolean isHadoop() {
    return CatalogUtil.ICEBERG_CATALOG_TYPE_HADOOP.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LakeCatalog catalog && catalog.properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  /** The catalog's type or implementation and URI, never the other properties, which may hold credentials. */
  @Override
  public String toString() {
    String type = properties.getOrDefault(CatalogUtil.ICEBERG_CATALOG_TYPE, properties.get(CatalogProperties.CATALOG_IMPL));
    String uri = properties.get(CatalogProperties.URI);
    return type + (uri == null ? "" : " " + uri.replaceAll("//[^/@]*@", "//"));
  }
}
