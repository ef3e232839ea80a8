package dev.ecstags.auth;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessKeyRepository extends JpaRepository<AccessKeyEntity, String> {
}
