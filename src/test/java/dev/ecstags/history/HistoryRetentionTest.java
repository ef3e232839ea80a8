package dev.ecstags.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retention: changes older than TAGS_HISTORY_RETENTION (90 days by default) go, in batches; newer ones stay. */
class HistoryRetentionTest extends ServiceTest {

    @Autowired
    HistoryRetention retention;
    @Autowired
    HistoryProperties properties;

    @Test
    void keepsNinetyDaysByDefault() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void purgesOnlyWhatIsOlderThanTheRetentionInBatches() {
        String account = TestIds.account();
        insert(account, "100 days", HistoryRetention.BATCH * 2 + 5);
        insert(account, "89 days", 3);
        insert(account, "1 second", 2);

        retention.purgeExpired();

        assertThat(jdbc.sql("select count(*) from tag_history where account_id = ?").param(account)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from tag_history where account_id = ? and changed_at < now() - interval"
                + " '90 days'").param(account).query(Long.class).single()).isZero();
    }

    private void insert(String account, String age, int rows) {
        jdbc.sql("""
                insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                                         value_before, value_after, private, action, request_id, access_key_id)
                select ?, now() - cast(? as interval), 'cn-hangzhou', 'instance', 'i-' || n, 'k', null, 'v',
                       false, 'TagResources', 'test', 'test'
                from generate_series(1, ?) as n""")
                .params(account, age, rows)
                .update();
    }
}
