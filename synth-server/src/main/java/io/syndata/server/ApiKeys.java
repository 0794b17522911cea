package io.syndata.server;

import io.syndata.schema.SynthException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys of a data directory ({@code synth keys}). A key's token is shown once, at creation;
 * the database keeps only its SHA-256 hash, so a copied database gives no working key.
 */
public final class ApiKeys implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TOKEN_PREFIX = "sk_";

  /**
   * A key as listed: never its token.
   *
   * @param quotaRows rows it may generate per calendar month (UTC), empty for no limit
   * @param created when it was created, epoch milliseconds
   * @param revoked when it was revoked, if it was
   */
  public record ApiKey(
      String id, String name, Optional<Long> quotaRows, long created, Optional<Long> revoked) {}

  /** A new key and its token, which nothing can show again. */
  public record Created(ApiKey key, String token) {}

  private final Store store;
  private final boolean owned;

  private ApiKeys(Store store, boolean owned) {
    this.store = store;
    this.owned = owned;
  }

  /** The keys of a data directory (created when missing). */
  public static ApiKeys open(Path dataDir) {
    return new ApiKeys(Store.open(dataDir), true);
  }

  static ApiKeys over(Store store) {
    return new ApiKeys(store, false);
  }

  /** Creates a key; {@code quotaRows} limits the rows it may generate per month. */
  public Created create(String name, Optional<Long> quotaRows) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new SynthException("--name must be 1 to 200 characters");
    }
    if (quotaRows.isPresent() && quotaRows.get() < 0) {
      throw new SynthException("--quota-rows must be 0 or more, was " + quotaRows.get());
    }
    if (store.keys().stream().anyMatch(k -> k.name().equals(name) && k.revoked().isEmpty())) {
      throw new SynthException("a key named " + name + " exists; revoke it or choose another name");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    ApiKey key =
        new ApiKey(
            "k_" + HexFormat.of().formatHex(id),
            name,
            quotaRows,
            System.currentTimeMillis(),
            Optional.empty());
    store.insertKey(key, hash(token));
    return new Created(key, token);
  }

  /** Every key, revoked ones included, oldest first. */
  public List<ApiKey> list() {
    return store.keys();
  }

  /** Revokes the key with this id or name; false when there is no such active key. */
  public boolean revoke(String idOrName) {
    return store.revokeKey(idOrName, System.currentTimeMillis()) > 0;
  }

  /** The active key of a token. */
  Optional<ApiKey> authenticate(String token) {
    return token == null || !token.startsWith(TOKEN_PREFIX)
        ? Optional.empty()
        : store.keyByHash(hash(token));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void close() {
    if (owned) {
      store.close();
    }
  }
}
