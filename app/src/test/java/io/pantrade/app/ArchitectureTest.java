package io.pantrade.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.deadline.DeadlineManager;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps DESIGN.md's dependency directions, and its way of cancelling deadlines, true. */
@AnalyzeClasses(packages = "io.pantrade", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kernel_depends_on_nothing_of_ours = noClasses()
            .that().resideInAPackage("io.pantrade.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.pantrade.command..", "io.pantrade.query..", "io.pantrade.projection..", "io.pantrade.saga..",
                    "io.pantrade.optimization..", "io.pantrade.app..", "io.pantrade.privacy..", "io.pantrade.web..");

    @ArchTest
    static final ArchRule command_side_never_meets_the_query_side = noClasses()
            .that().resideInAPackage("io.pantrade.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.pantrade.query..", "io.pantrade.projection..");

    @ArchTest
    static final ArchRule query_side_never_meets_the_command_side = noClasses()
            .that().resideInAnyPackage("io.pantrade.query..", "io.pantrade.projection..")
            .should().dependOnClassesThat().resideInAPackage("io.pantrade.command..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_launcher = noClasses()
            .that().resideOutsideOfPackage("io.pantrade.app..")
            .should().dependOnClassesThat().resideInAPackage("io.pantrade.app..");

    @ArchTest
    static final ArchRule modules_reach_personal_data_only_through_the_kernel_port = noClasses()
            .that().resideInAnyPackage("io.pantrade.command..", "io.pantrade.query..", "io.pantrade.projection..")
            .should().dependOnClassesThat().resideInAPackage("io.pantrade.privacy..");

    @ArchTest
    static final ArchRule sagas_never_meet_the_read_side = noClasses()
            .that().resideInAPackage("io.pantrade.saga..")
            .should().dependOnClassesThat().resideInAnyPackage("io.pantrade.query..", "io.pantrade.projection..");

    @ArchTest
    static final ArchRule recommendation_and_segmentation_models_are_plain_code = noClasses()
            .that().haveNameMatching("io\\.pantrade\\.query\\.(recommendation\\.(ItemSimilarity|RecommenderSettings"
                    + "|SimilarityMeasure|Exclusion|RecommendedItem)|segmentation\\.(Segmentation|SegmentationSettings"
                    + "|FeatureSpace|Silhouette|SegmentNames|Segment))(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.axonframework..", "io.pantrade.web..")
            .because("bench trains and measures the same models on a CSV, without an engine");

    @ArchTest
    static final ArchRule deadlines_are_cancelled_by_the_id_schedule_returned = noClasses()
            .should().callMethodWhere(target(nameMatching("cancelAll|cancelAllWithinScope"))
                    .and(target(owner(assignableTo(DeadlineManager.class)))))
            .because("JobRunr OSS cannot find deadlines by name or scope: JobRunrDeadlineManager throws "
                    + "UnsupportedOperationException there, so keep the id schedule() returns and cancelSchedule it");
}
