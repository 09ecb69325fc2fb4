package io.github.nnproxy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell would, once, and does nothing else: single
 * quotes keep everything literally, double quotes keep everything but {@code \"} and {@code \\},
 * a backslash outside quotes keeps the next character, white space separates words. No variable,
 * glob, command substitution, redirection or pipe is interpreted: {@code $HOME}, {@code *} and
 * {@code |} are plain characters. The CLI's {@code --command} goes through it so that a user can
 * quote arguments with spaces, and nothing in it runs through a shell.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * CommandWords.split("python3 'my sim.py' --mesh fine")  // [python3, my sim.py, --mesh, fine]
 * }</pre>
 */
public final class CommandWords {
  private CommandWords() {}

  /**
   * Splits a command line.
   *
   * @param line the command line
   * @return its words, at least one
   * @throws IllegalArgumentException if a quote is not closed, the line ends in a lone backslash,
   *     or it holds no word
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ' in command: " + line);
        }
        w.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && (line.charAt(i + 1) == '"'
              || line.charAt(i + 1) == '\\')) {
            w.append(line.charAt(i + 1));
            i += 2;
          } else {
            w.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("unclosed \" in command: " + line);
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new IllegalArgumentException("command ends in a lone backslash: " + line);
        }
        w.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        w.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("command names no program: '" + line + "'");
    }
    return words;
  }
}
