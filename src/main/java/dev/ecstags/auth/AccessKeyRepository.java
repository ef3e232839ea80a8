package dev.ecstags.auth;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessKeyRepository extends JpaRepository<AccessKeyEntity, String> {

    /** One page of an account's keys in id order, after the given id ("" for the first page). */
    List<AccessKeyEntity> findByAccountIdAndAccessKeyIdGreaterThanOrderByAccessKeyId(String accountId,
                                                                                      String afterAccessKeyId,
                                                                                      Limit limit);
}
