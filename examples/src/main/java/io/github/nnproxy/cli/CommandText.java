package io.github.nnproxy.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command a user typed, as text to copy back into a shell: the messages that say "run this to
 * resume" or "run this in a new folder" print it, with an option dropped or replaced where the
 * advice needs it. The program is the launcher script when one says so (the system property
 * {@value #LAUNCHER}, which {@code spark-proxy/bin/nnproxy-spark} sets to its own path), else
 * {@code java -jar <the jar>} when the classes come from a jar, else {@code nnproxy}; arguments
 * with characters a shell would interpret are single-quoted.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * CommandText.of(spec.commandLine().getParseResult().originalArgs())
 *     .without("--out", true).with("--out", "<new folder>").toString();
 * }</pre>
 */
final class CommandText {
  /** The system property a launcher script sets to the path it was started by. */
  static final String LAUNCHER = "nnproxy.launcher";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,=+@%^-]+");

  private final List<String> args;

  private CommandText(List<String> args) {
    this.args = List.copyOf(args);
  }

  /**
   * Returns the command of the given arguments.
   *
   * @param args the arguments as typed, without the program
   * @return the command
   */
  static CommandText of(List<String> args) {
    return new CommandText(args);
  }

  /**
   * Returns this command without an option, in either form {@code --opt value} or {@code
   * --opt=value}.
   *
   * @param option the option's long name
   * @param takesValue whether it has a value to drop with it
   * @return the command without it
   */
  CommandText without(String option, boolean takesValue) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(option)) {
        i += takesValue ? 1 : 0;
      } else if (!(takesValue && a.startsWith(option + "="))) {
        kept.add(a);
      }
    }
    return new CommandText(kept);
  }

  /**
   * Returns this command with words appended.
   *
   * @param words the words, e.g. an option and its value
   * @return the longer command
   */
  CommandText with(String... words) {
    List<String> more = new ArrayList<>(args);
    more.addAll(List.of(words));
    return new CommandText(more);
  }

  /**
   * Returns the command, program first, quoted for a POSIX shell.
   *
   * @return the command line
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(program());
    for (String a : args) {
      sb.append(' ').append(quote(a));
    }
    return sb.toString();
  }

  /** Quotes a word for a POSIX shell unless it needs none; a placeholder stays readable. */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches() || word.matches("<[a-z ]+>")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * The launcher that started this JVM ({@value #LAUNCHER}), else {@code java -jar <jar>}
   * (relative to the working folder inside it), else {@code nnproxy}.
   */
  static String program() {
    String launcher = System.getProperty(LAUNCHER, "").trim();
    if (!launcher.isEmpty()) {
      return quote(launcher);
    }
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(jar) && jar.getFileName().toString().endsWith(".jar")) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = jar.toAbsolutePath().normalize();
        return "java -jar " + quote((abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString());
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the plain name
    }
    return "nnproxy";
  }
}
