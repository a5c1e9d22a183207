package io.citustestkit.examples.springboot;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of a tenant's row: the tenant ({@code owner_id}, the distribution column) and the row's own
 * id. Citus needs the distribution column in every primary key and unique constraint.
 */
public class TenantScopedId implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long ownerId;
    private Long id;

    protected TenantScopedId() {
    }

    public TenantScopedId(long ownerId, long id) {
        this.ownerId = ownerId;
        this.id = id;
    }

    public Long ownerId() {
        return ownerId;
    }

    public Long id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantScopedId that && Objects.equals(ownerId, that.ownerId) && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerId, id);
    }
}
