package dev.migration.autoconfigure.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests of this package find, as a user's tests find theirs.
 */
@SpringBootApplication
class SliceTestApplication {

}
